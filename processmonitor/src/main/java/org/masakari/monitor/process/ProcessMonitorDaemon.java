package org.masakari.monitor.process;

import org.masakari.client.status.StatusServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.masakari.client.notifier.MasakariNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires and runs one processmonitor: the check loop on its own thread plus the status endpoint. */
final class ProcessMonitorDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitorDaemon.class);

  private final StopSignal stop = new StopSignal();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final MasakariNotifier notifier;
  private final StatusServer status;
  private final Thread loop;

  private ProcessMonitorDaemon(ProcessMonitorConfig cfg) {
    ProcessOptions opts = cfg.process();
    ProcessListLoader loader = new ProcessListLoader(opts.processListPath());
    List<ProcessEntry> initial = loader.load(); // a broken list stops start-up with file and key named
    LOG.info("[host={}] processmonitor starting: {} processes in {}", cfg.hostname(), initial.size(),
        opts.processListPath());
    ProcessTable table = ProcessTable.system();
    ProcessMonitorMetrics metrics = new ProcessMonitorMetrics();
    this.notifier = MasakariNotifier.create(cfg.api(), opts.apiRetry());
    notifier.warmUp(); // logs whether the API answers; the first real notification then finds a warm client
    ProcessRestarter restarter = new ProcessRestarter(opts, new CommandRunner(opts.commandTimeout()),
        table, stop, metrics);
    ProcessMonitor monitor = new ProcessMonitor(initial, opts, loader, table, restarter, notifier, cfg.hostname(),
        Clock.systemUTC(), stop, metrics);
    long started = System.currentTimeMillis();
    // healthy while cycles keep completing; a restart sequence may legitimately take
    // (retries + 1) x (restart_interval + command time), so allow for that
    long staleAfter = opts.checkInterval().plus(opts.restartInterval().plus(opts.commandTimeout())
        .multipliedBy(opts.restartRetries() + 1L)).plus(Duration.ofSeconds(5)).toMillis();
    this.status = new StatusServer(cfg.status().address(), () -> metrics.prometheus(notifier.stats()),
        () -> System.currentTimeMillis() - Math.max(started, metrics.lastCycleEndMillis()) < staleAfter);
    LOG.info("[host={}] /metrics and /healthz on {}:{}", cfg.hostname(),
        cfg.status().address().getHostString(), status.port());
    this.loop = new Thread(monitor, "processmonitor-loop");
    loop.start();
  }

  static ProcessMonitorDaemon start(ProcessMonitorConfig cfg) {
    return new ProcessMonitorDaemon(cfg);
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
      loop.join(Duration.ofSeconds(30).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    status.close();
    notifier.close();
    stopped.countDown();
  }
}
