package org.masakari.monitor.host.pacemaker;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code _check_if_status_changed}: per peer a history of {@code monitoring_samples}
 * normalised states and a held raw status. A peer seen for the first time is only remembered; a
 * change is acted on once all samples agree; only changes to online/offline are reported; the held
 * status moves on even if the notification is later lost, except while samples disagree.
 */
final class NodeStatusEvaluator {
  private static final Logger LOG = LoggerFactory.getLogger(NodeStatusEvaluator.class);
  private static final String UNCERTAIN = "_uncertain";

  /** A stabilised change to report. */
  record Change(String uname, boolean online) {}

  private final String self;
  private final int samples;
  private final Map<String, Deque<String>> history = new HashMap<>();
  private final Map<String, String> held = new HashMap<>();

  NodeStatusEvaluator(String self, int samples) {
    this.self = self;
    this.samples = samples;
  }

  List<Change> evaluate(List<NodeRecord> nodes) {
    List<Change> changes = new ArrayList<>();
    for (NodeRecord n : nodes) {
      if (n.uname() == null || n.uname().equals(self)) {
        continue;
      }
      String current = CrmdStatus.normalize(n.crmd());
      Deque<String> h = history.computeIfAbsent(n.uname(), k -> new ArrayDeque<>());
      h.addLast(current == null ? "" : current);
      while (h.size() > samples) {
        h.removeFirst();
      }
      String old = CrmdStatus.normalize(held.get(n.uname()));
      if (old == null) {
        held.put(n.uname(), n.crmd());
        LOG.info("[host={}] new member, status {}", n.uname(), n.crmd());
        continue;
      }
      if (h.size() < samples) {
        continue; // still collecting samples
      }
      String stabilised = h.stream().distinct().count() == 1 ? h.peekFirst() : UNCERTAIN;
      if (Objects.equals(stabilised, old)) {
        continue;
      }
      if (CrmdStatus.ONLINE.equals(stabilised) || CrmdStatus.OFFLINE.equals(stabilised)) {
        LOG.info("[host={}] status changed {} -> {}", n.uname(), old, stabilised);
        changes.add(new Change(n.uname(), CrmdStatus.ONLINE.equals(stabilised)));
      } else {
        LOG.info("[host={}] status '{}' is neither online nor offline; no notification", n.uname(), stabilised);
      }
      if (!UNCERTAIN.equals(stabilised)) {
        held.put(n.uname(), n.crmd());
      }
    }
    return changes;
  }
}
