package org.masakari.monitor.instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which domains we last saw active, so that after a reconnect the domains that stopped while we
 * were blind (libvirtd down: no event is ever emitted for them) are reported. Confined to the
 * event-handling thread.
 */
final class DomainStateTracker {
  /** Shut-off reasons (virDomainShutoffReason). */
  static final int SHUTOFF_UNKNOWN = 0;
  static final int SHUTOFF_SHUTDOWN = 1;
  static final int SHUTOFF_DESTROYED = 2;
  static final int SHUTOFF_CRASHED = 3;
  static final int SHUTOFF_FAILED = 6;
  static final int SHUTOFF_DAEMON = 8;

  private final Map<String, Boolean> active = new HashMap<>();
  /** Reported by a resync; the STOPPED event that may still arrive for them is not sent twice. */
  private final Set<String> reportedByResync = new HashSet<>();

  record Missed(String uuid, FilteredEvent event) {}

  /** Updates from a live event; returns false if this event was already reported by a resync. */
  boolean onEvent(DomainEvent e) {
    if (e.eventId() != EventFilter.LIFECYCLE) {
      return true;
    }
    switch (e.type()) {
      case EventFilter.STARTED, EventFilter.RESUMED, EventFilter.SUSPENDED -> {
        active.put(e.uuid(), true);
        reportedByResync.remove(e.uuid());
      }
      case EventFilter.STOPPED, EventFilter.CRASHED -> {
        active.put(e.uuid(), false);
        if (e.type() == EventFilter.STOPPED && reportedByResync.remove(e.uuid())) {
          return false;
        }
      }
      case EventFilter.UNDEFINED -> {
        active.remove(e.uuid());
        reportedByResync.remove(e.uuid());
      }
      default -> { }
    }
    return true;
  }

  /**
   * Compares a fresh listing with what we knew. {@code firstSight} (the first connection) only
   * records: we know nothing older to compare with.
   */
  List<Missed> resync(List<DomainState> now, boolean firstSight) {
    List<Missed> missed = new ArrayList<>();
    Map<String, DomainState> byUuid = new HashMap<>();
    now.forEach(s -> byUuid.put(s.uuid(), s));
    if (!firstSight) {
      for (Map.Entry<String, Boolean> was : active.entrySet()) {
        if (!was.getValue()) {
          continue;
        }
        DomainState s = byUuid.get(was.getKey());
        Optional<FilteredEvent> ev = s == null
            ? Optional.of(new FilteredEvent("LIFECYCLE", "STOPPED_FAILED")) // a transient domain vanished
            : missedStop(s);
        ev.ifPresent(f -> {
          missed.add(new Missed(was.getKey(), f));
          reportedByResync.add(was.getKey());
        });
      }
    }
    active.clear();
    now.forEach(s -> active.put(s.uuid(), s.active()));
    return missed;
  }

  /**
   * What the event would have been. libvirt forgets a shut-off reason across daemon restarts
   * ("unknown"), so "was active, now off, reason unknown" is taken as a failure, as qemu dying is
   * the only way a domain stops while nobody (Nova included) can talk to libvirtd.
   */
  private static Optional<FilteredEvent> missedStop(DomainState s) {
    if (s.active()) {
      return Optional.empty();
    }
    if (s.state() == DomainState.CRASHED) {
      return Optional.of(new FilteredEvent("LIFECYCLE", "CRASHED_PANICKED"));
    }
    return switch (s.reason()) {
      case SHUTOFF_SHUTDOWN -> Optional.of(new FilteredEvent("LIFECYCLE", "STOPPED_SHUTDOWN"));
      case SHUTOFF_DESTROYED -> Optional.of(new FilteredEvent("LIFECYCLE", "STOPPED_DESTROYED"));
      case SHUTOFF_UNKNOWN, SHUTOFF_CRASHED, SHUTOFF_FAILED, SHUTOFF_DAEMON ->
          Optional.of(new FilteredEvent("LIFECYCLE", "STOPPED_FAILED"));
      default -> Optional.empty(); // migrated, saved, from snapshot: deliberate
    };
  }
}
