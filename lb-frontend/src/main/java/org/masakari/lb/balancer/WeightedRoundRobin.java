package org.masakari.lb.balancer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Round robin in proportion to weights: the n-th pick lands on the server owning slot n mod total weight. */
final class WeightedRoundRobin implements BalancingAlgorithm {
  private final AtomicLong counter = new AtomicLong();

  @Override
  public Server pick(List<Server> candidates, RequestKey key) {
    int total = 0;
    for (Server s : candidates) {
      total += s.weight();
    }
    long slot = Math.floorMod(counter.getAndIncrement(), (long) Math.max(1, total));
    for (Server s : candidates) {
      slot -= s.weight();
      if (slot < 0) {
        return s;
      }
    }
    return candidates.get(0);
  }
}
