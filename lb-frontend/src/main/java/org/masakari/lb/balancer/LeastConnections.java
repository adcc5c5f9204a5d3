package org.masakari.lb.balancer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Fewest active connections per unit of weight; ties rotate so equal servers share the load. */
final class LeastConnections implements BalancingAlgorithm {
  private final AtomicLong rotation = new AtomicLong();

  @Override
  public Server pick(List<Server> candidates, RequestKey key) {
    int n = candidates.size();
    int start = (int) Math.floorMod(rotation.getAndIncrement(), (long) n);
    Server best = null;
    double bestLoad = Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      Server s = candidates.get((start + i) % n);
      double load = (double) s.active() / s.weight();
      if (load < bestLoad) {
        best = s;
        bestLoad = load;
      }
    }
    return best;
  }
}
