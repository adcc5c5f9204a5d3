package org.masakari.monitor.process;

import java.util.concurrent.atomic.AtomicLong;
import org.masakari.client.notifier.NotifierStats;

/** What /metrics shows, in Prometheus text format. */
final class ProcessMonitorMetrics {
  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong restartAttempts = new AtomicLong();
  private final AtomicLong recoveries = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong monitored = new AtomicLong();
  private final AtomicLong down = new AtomicLong();
  private final AtomicLong lastCycleEndMillis = new AtomicLong();

  void cycleDone(int monitoredCount, int downCount) {
    cycles.incrementAndGet();
    monitored.set(monitoredCount);
    down.set(downCount);
    lastCycleEndMillis.set(System.currentTimeMillis());
  }

  void restartAttempted() {
    restartAttempts.incrementAndGet();
  }

  void recovered() {
    recoveries.incrementAndGet();
  }

  void gaveUp() {
    failures.incrementAndGet();
  }

  long lastCycleEndMillis() {
    return lastCycleEndMillis.get();
  }

  String prometheus(NotifierStats n) {
    StringBuilder sb = new StringBuilder();
    counter(sb, "masakari_processmonitor_cycles_total", "check cycles completed", cycles.get());
    counter(sb, "masakari_processmonitor_restart_attempts_total", "restart attempts", restartAttempts.get());
    counter(sb, "masakari_processmonitor_recoveries_total", "processes brought back", recoveries.get());
    counter(sb, "masakari_processmonitor_unrecoverable_total", "processes given up and reported", failures.get());
    gauge(sb, "masakari_processmonitor_processes", "processes in the process list", monitored.get());
    gauge(sb, "masakari_processmonitor_processes_down", "processes not running at the last check", down.get());
    counter(sb, "masakari_monitor_notification_attempts_total", "POSTs to the API", n.attempts());
    sb.append("# HELP masakari_monitor_notifications_total notifications by final outcome\n")
        .append("# TYPE masakari_monitor_notifications_total counter\n")
        .append("masakari_monitor_notifications_total{outcome=\"delivered\"} ").append(n.delivered()).append('\n')
        .append("masakari_monitor_notifications_total{outcome=\"rejected\"} ").append(n.rejected()).append('\n')
        .append("masakari_monitor_notifications_total{outcome=\"dropped\"} ").append(n.dropped()).append('\n');
    return sb.toString();
  }

  private static void counter(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(v).append('\n');
  }

  private static void gauge(StringBuilder sb, String name, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(v).append('\n');
  }
}
