package org.masakari.monitor.instance;

import java.util.Map;
import java.util.Optional;

/**
 * Upstream's event filter table (masakari-monitors eventfilter_table.py, contract §3.4): an event is
 * reported iff its (event id, type, detail) is listed, under the listed names. Two rows are ours:
 * guest panics (LIFECYCLE CRASHED/PANICKED and STOPPED/CRASHED), which upstream has commented out.
 */
final class EventFilter {
  static final int LIFECYCLE = 0;
  static final int REBOOT = 1;
  static final int WATCHDOG = 3;
  static final int IO_ERROR = 4;
  static final int IO_ERROR_REASON = 6;
  static final int CONTROL_ERROR = 7;

  /** LIFECYCLE event types (virDomainEventType). */
  static final int SUSPENDED = 3;
  static final int STARTED = 2;
  static final int RESUMED = 4;
  static final int STOPPED = 5;
  static final int SHUTDOWN = 6;
  static final int CRASHED = 8;
  static final int UNDEFINED = 1;

  private record Key(int eventId, int type, int detail) {}

  private static final int N = DomainEvent.NONE;
  private static final Map<Key, FilteredEvent> TABLE = Map.ofEntries(
      row(LIFECYCLE, SUSPENDED, 2, "LIFECYCLE", "SUSPENDED_IOERROR"),
      row(LIFECYCLE, SUSPENDED, 3, "LIFECYCLE", "SUSPENDED_WATCHDOG"),
      row(LIFECYCLE, SUSPENDED, 6, "LIFECYCLE", "SUSPENDED_API_ERROR"),
      row(LIFECYCLE, STOPPED, 0, "LIFECYCLE", "STOPPED_SHUTDOWN"),
      row(LIFECYCLE, STOPPED, 1, "LIFECYCLE", "STOPPED_DESTROYED"),
      row(LIFECYCLE, STOPPED, 5, "LIFECYCLE", "STOPPED_FAILED"),
      row(LIFECYCLE, SHUTDOWN, 0, "LIFECYCLE", "SHUTDOWN_FINISHED"),
      // ours: a guest kernel panic with a pvpanic device (upstream drops these)
      row(LIFECYCLE, STOPPED, 2, "LIFECYCLE", "STOPPED_CRASHED"),
      row(LIFECYCLE, CRASHED, 0, "LIFECYCLE", "CRASHED_PANICKED"),
      row(REBOOT, N, N, "REBOOT", "UNKNOWN"),
      row(WATCHDOG, 0, N, "WATCHDOG", "WATCHDOG_NONE"),
      row(WATCHDOG, 1, N, "WATCHDOG", "WATCHDOG_PAUSE"),
      row(WATCHDOG, 2, N, "WATCHDOG", "WATCHDOG_RESET"),
      row(WATCHDOG, 3, N, "WATCHDOG", "WATCHDOG_POWEROFF"),
      row(WATCHDOG, 4, N, "WATCHDOG", "WATCHDOG_SHUTDOWN"),
      row(WATCHDOG, 5, N, "WATCHDOG", "WATCHDOG_DEBUG"),
      row(IO_ERROR, 0, N, "IO_ERROR", "IO_ERROR_NONE"),
      row(IO_ERROR, 1, N, "IO_ERROR", "IO_ERROR_PAUSE"),
      row(IO_ERROR, 2, N, "IO_ERROR", "IO_ERROR_REPORT"),
      row(IO_ERROR_REASON, N, N, "IO_ERROR_REASON", "UNKNOWN"),
      row(CONTROL_ERROR, N, N, "CONTROL_ERROR", "UNKNOWN"));

  private static Map.Entry<Key, FilteredEvent> row(int id, int type, int detail, String event, String name) {
    return Map.entry(new Key(id, type, detail), new FilteredEvent(event, name));
  }

  private EventFilter() {}

  static Optional<FilteredEvent> filter(DomainEvent e) {
    return Optional.ofNullable(TABLE.get(new Key(e.eventId(), e.type(), e.detail())));
  }
}
