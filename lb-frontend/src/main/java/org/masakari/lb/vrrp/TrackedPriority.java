package org.masakari.lb.vrrp;

import java.util.List;

/** Effective priority and FAULT from a base priority and the trackers' last results. */
public record TrackedPriority(int priority, boolean fault) {

  public static TrackedPriority of(int basePriority, List<Boolean> healthy, List<Integer> weights) {
    if (basePriority == VrrpStateMachine.PRIORITY_OWNER) {
      // the address owner's priority is fixed by RFC 5798 §5.2.4; only FAULT applies
      return new TrackedPriority(basePriority, anyFault(healthy, weights));
    }
    int p = basePriority;
    for (int i = 0; i < healthy.size(); i++) {
      int w = weights.get(i);
      if (w < 0 && !healthy.get(i)) {
        p += w;
      } else if (w > 0 && healthy.get(i)) {
        p += w;
      }
    }
    return new TrackedPriority(Math.max(1, Math.min(254, p)), anyFault(healthy, weights));
  }

  private static boolean anyFault(List<Boolean> healthy, List<Integer> weights) {
    for (int i = 0; i < healthy.size(); i++) {
      if (weights.get(i) == 0 && !healthy.get(i)) {
        return true;
      }
    }
    return false;
  }
}
