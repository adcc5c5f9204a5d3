package org.masakari.monitor.instance;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.client.notifier.NotifierStats;

/** What /metrics shows, in Prometheus text format. */
final class InstanceMonitorMetrics {
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong reported = new AtomicLong();
  private final AtomicLong resyncReported = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicBoolean connected = new AtomicBoolean();

  void eventReceived() {
    events.incrementAndGet();
  }

  void eventReported() {
    reported.incrementAndGet();
  }

  void missedStopReported() {
    resyncReported.incrementAndGet();
  }

  void connected(boolean up) {
    if (up) {
      connects.incrementAndGet();
    }
    connected.set(up);
  }

  boolean isConnected() {
    return connected.get();
  }

  String prometheus(NotifierStats n) {
    StringBuilder sb = new StringBuilder();
    metric(sb, "masakari_instancemonitor_libvirt_events_total", "counter", "libvirt domain events received", events.get());
    metric(sb, "masakari_instancemonitor_events_reported_total", "counter", "events that passed the filter", reported.get());
    metric(sb, "masakari_instancemonitor_resync_reported_total", "counter",
        "stops missed while disconnected and found by a resync", resyncReported.get());
    metric(sb, "masakari_instancemonitor_libvirt_connects_total", "counter", "successful (re)connections", connects.get());
    metric(sb, "masakari_instancemonitor_libvirt_connected", "gauge", "1 while connected to libvirt", connected.get() ? 1 : 0);
    metric(sb, "masakari_monitor_notification_attempts_total", "counter", "POSTs to the API", n.attempts());
    sb.append("# HELP masakari_monitor_notifications_total notifications by final outcome\n")
        .append("# TYPE masakari_monitor_notifications_total counter\n")
        .append("masakari_monitor_notifications_total{outcome=\"delivered\"} ").append(n.delivered()).append('\n')
        .append("masakari_monitor_notifications_total{outcome=\"rejected\"} ").append(n.rejected()).append('\n')
        .append("masakari_monitor_notifications_total{outcome=\"dropped\"} ").append(n.dropped()).append('\n');
    return sb.toString();
  }

  private static void metric(StringBuilder sb, String name, String type, String help, long v) {
    sb.append("# HELP ").append(name).append(' ').append(help).append('\n')
        .append("# TYPE ").append(name).append(' ').append(type).append('\n')
        .append(name).append(' ').append(v).append('\n');
  }
}
