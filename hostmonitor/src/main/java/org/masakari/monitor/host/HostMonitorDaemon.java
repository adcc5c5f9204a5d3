package org.masakari.monitor.host;

import org.masakari.client.status.StatusServer;
import java.util.concurrent.CountDownLatch;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.NotifierStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and runs one hostmonitor: the chosen driver plus the status endpoint. */
final class HostMonitorDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HostMonitorDaemon.class);

  private final StopSignal stop = new StopSignal();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final MasakariNotifier notifier;
  private final HostMonitorDriver driver;
  private final StatusServer status;

  private HostMonitorDaemon(HostMonitorConfig cfg) {
    this.notifier = MasakariNotifier.create(cfg.api(), cfg.host().apiRetry());
    notifier.warmUp(); // logs whether the API answers; the first real notification then finds a warm client
    this.driver = HostMonitorDrivers.create(cfg, notifier, stop);
    driver.start();
    this.status = new StatusServer(cfg.status().address(), () -> driver.metrics() + notifierMetrics(notifier.stats()),
        driver::healthy);
    LOG.info("[host={}] hostmonitor running driver {}; /metrics and /healthz on {}:{}", cfg.hostname(),
        driver.name(), cfg.status().address().getHostString(), status.port());
  }

  static HostMonitorDaemon start(HostMonitorConfig cfg) {
    return new HostMonitorDaemon(cfg);
  }

  private static String notifierMetrics(NotifierStats n) {
    return "# TYPE masakari_monitor_notification_attempts_total counter\nmasakari_monitor_notification_attempts_total "
        + n.attempts() + "\n# TYPE masakari_monitor_notifications_total counter\n"
        + "masakari_monitor_notifications_total{outcome=\"delivered\"} " + n.delivered() + "\n"
        + "masakari_monitor_notifications_total{outcome=\"rejected\"} " + n.rejected() + "\n"
        + "masakari_monitor_notifications_total{outcome=\"dropped\"} " + n.dropped() + "\n";
  }

  int statusPort() {
    return status.port();
  }

  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  @Override
  public void close() {
    if (stopped.getCount() == 0) {
      return;
    }
    stop.stop();
    driver.close();
    status.close();
    notifier.close();
    stopped.countDown();
  }
}
