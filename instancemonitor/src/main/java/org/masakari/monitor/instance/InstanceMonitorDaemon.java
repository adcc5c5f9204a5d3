package org.masakari.monitor.instance;

import org.masakari.client.status.StatusServer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.masakari.client.notifier.MasakariNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and runs one instancemonitor: the libvirt watcher thread plus the status endpoint. */
final class InstanceMonitorDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceMonitorDaemon.class);

  private final StopSignal stop = new StopSignal();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final MasakariNotifier notifier;
  private final InstanceEventHandler handler;
  private final StatusServer status;
  private final Thread watcherThread;

  private InstanceMonitorDaemon(InstanceMonitorConfig cfg) {
    InstanceMonitorMetrics metrics = new InstanceMonitorMetrics();
    this.notifier = MasakariNotifier.create(cfg.api(), cfg.callbackRetry());
    notifier.warmUp(); // logs whether the API answers; the first real notification then finds a warm client
    this.handler = new InstanceEventHandler(cfg.hostname(), notifier, Clock.systemUTC(), metrics);
    this.status = new StatusServer(cfg.status().address(), () -> metrics.prometheus(notifier.stats()),
        metrics::isConnected);
    LOG.info("[host={}] instancemonitor starting on {}; /metrics and /healthz on {}:{}", cfg.hostname(),
        cfg.libvirt().connectionUri(), cfg.status().address().getHostString(), status.port());
    LibvirtWatcher watcher = new LibvirtWatcher(cfg.libvirt(), handler, metrics, stop, Clock.systemUTC());
    this.watcherThread = new Thread(watcher, "instancemonitor-watcher");
    watcherThread.start();
  }

  static InstanceMonitorDaemon start(InstanceMonitorConfig cfg) {
    return new InstanceMonitorDaemon(cfg);
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
    try {
      watcherThread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    handler.close();
    status.close();
    notifier.close();
    stopped.countDown();
  }
}
