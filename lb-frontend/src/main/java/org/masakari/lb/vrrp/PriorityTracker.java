package org.masakari.lb.vrrp;

/**
 * One tracked object (interface, script, local balancer). keepalived's weight rule: a failing object
 * with weight &lt; 0 subtracts |weight|, a healthy one with weight &gt; 0 adds it, and a failing one with
 * weight 0 puts the instance in FAULT.
 */
public interface PriorityTracker {
  /** Current health; may block briefly (scripts run on the tracker thread, never on the VRRP thread). */
  boolean healthy();

  int weight();

  String describe();
}
