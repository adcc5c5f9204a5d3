package org.masakari.monitor.host.heartbeat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When each peer was last heard on each network and the last view it sent. Times are
 * {@code System.nanoTime()} values passed in by the caller, so the rules can be tested without
 * clocks. Guarded by its own monitor: receivers write, the evaluation reads.
 */
final class PeerTable {
  private final String self;
  private final Set<String> hosts;
  private final Map<String, Map<String, Long>> lastHeard = new HashMap<>();
  private final Map<String, Set<String>> views = new HashMap<>();

  PeerTable(String self, Set<String> hosts) {
    this.self = self;
    this.hosts = Set.copyOf(hosts);
  }

  /** Returns true when the sender's view changed, so the caller can decide without waiting a round. */
  synchronized boolean heard(HeartbeatMessage m, long nowNanos) {
    lastHeard.computeIfAbsent(m.sender(), k -> new HashMap<>()).put(m.network(), nowNanos);
    return !m.lost().equals(views.put(m.sender(), m.lost()));
  }

  /** A consistent copy for one evaluation. */
  synchronized Snapshot snapshot(long nowNanos, long deadAfterNanos) {
    Set<String> alive = new TreeSet<>();
    Set<String> lost = new TreeSet<>();
    for (String h : hosts) {
      if (h.equals(self)) {
        continue;
      }
      Map<String, Long> nets = lastHeard.get(h);
      if (nets == null) {
        continue; // never heard since start: neither alive nor lost (upstream: "new member")
      }
      boolean any = nets.values().stream().anyMatch(t -> nowNanos - t <= deadAfterNanos);
      (any ? alive : lost).add(h);
    }
    Map<String, Set<String>> aliveViews = new HashMap<>();
    for (String h : alive) {
      aliveViews.put(h, new HashSet<>(views.getOrDefault(h, Set.of())));
    }
    return new Snapshot(alive, lost, aliveViews);
  }

  /** Peers heard within dead_after, peers heard before but not since, and what the alive ones lost. */
  record Snapshot(Set<String> alive, Set<String> lost, Map<String, Set<String>> viewsOfAlive) {}
}
