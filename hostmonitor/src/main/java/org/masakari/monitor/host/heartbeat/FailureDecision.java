package org.masakari.monitor.host.heartbeat;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The majority rule. A peer T is failed when more than half of the whole segment — this node plus
 * the peers it hears whose latest view also lost T — agree that T is silent. A node in a minority
 * partition can therefore never declare anyone failed. Of the agreeing nodes, the one with the
 * lowest name reports; all nodes sort names the same way, so once views converge exactly one does.
 */
final class FailureDecision {
  private FailureDecision() {}

  /** The agreeing voters when T counts as failed, empty when it does not. */
  static Optional<TreeSet<String>> failed(String target, String self, int segmentSize, PeerTable.Snapshot s) {
    if (!s.lost().contains(target)) {
      return Optional.empty();
    }
    TreeSet<String> agreeing = new TreeSet<>();
    agreeing.add(self);
    for (Map.Entry<String, Set<String>> v : s.viewsOfAlive().entrySet()) {
      if (v.getValue().contains(target)) {
        agreeing.add(v.getKey());
      }
    }
    return agreeing.size() * 2 > segmentSize ? Optional.of(agreeing) : Optional.empty();
  }

  static boolean isReporter(String self, TreeSet<String> agreeing) {
    return agreeing.first().equals(self);
  }
}
