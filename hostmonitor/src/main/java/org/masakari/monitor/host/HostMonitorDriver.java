package org.masakari.monitor.host;

/**
 * A way of telling whether peer hosts are alive; chosen by {@code [host] monitoring_driver}. A
 * driver owns its threads between {@link #start()} and {@link #close()} and reports through the
 * notifier it was built with.
 */
public interface HostMonitorDriver extends AutoCloseable {

  /** The driver's name as written in the option. */
  String name();

  /** Begins monitoring in the driver's own thread(s); returns at once. */
  void start();

  /** For /healthz: the last monitoring cycle or heartbeat round completed recently. */
  boolean healthy();

  /** Driver-specific lines in Prometheus text format. */
  String metrics();

  @Override
  void close();
}
