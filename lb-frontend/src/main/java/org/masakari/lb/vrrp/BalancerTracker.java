package org.masakari.lb.vrrp;

import java.util.function.BooleanSupplier;

/** Healthy while the local balancer can serve (every backend has a server UP). */
public record BalancerTracker(BooleanSupplier balancerHealthy, int weight) implements PriorityTracker {
  @Override
  public boolean healthy() {
    return balancerHealthy.getAsBoolean();
  }

  @Override
  public String describe() {
    return "local balancer";
  }
}
