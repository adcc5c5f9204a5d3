package org.masakari.monitor.process;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.masakari.client.config.ConfigException;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The check loop: every {@code check_interval}, each listed process that is not running is
 * restarted; one that cannot be brought back is reported once (PROCESS / STOPPED) and then left
 * alone until it is seen running again. The list is re-read every cycle as upstream does; a broken
 * file keeps the last good list instead of stopping the monitor.
 */
final class ProcessMonitor implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitor.class);

  private final ProcessOptions options;
  private final ProcessListLoader loader;
  private final ProcessTable table;
  private final ProcessRestarter restarter;
  private final MasakariNotifier notifier;
  private final String hostname;
  private final Clock clock;
  private final StopSignal stop;
  private final ProcessMonitorMetrics metrics;
  /** process_name of every process reported and not yet seen running again. */
  private final Set<String> reported = new HashSet<>();
  private List<ProcessEntry> processes;

  ProcessMonitor(List<ProcessEntry> initial, ProcessOptions options, ProcessListLoader loader, ProcessTable table,
      ProcessRestarter restarter, MasakariNotifier notifier, String hostname, Clock clock,
      StopSignal stop, ProcessMonitorMetrics metrics) {
    this.options = options;
    this.loader = loader;
    this.table = table;
    this.restarter = restarter;
    this.notifier = notifier;
    this.hostname = hostname;
    this.clock = clock;
    this.stop = stop;
    this.metrics = metrics;
    this.processes = List.copyOf(initial);
  }

  @Override
  public void run() {
    LOG.info("[host={}] monitoring {} processes from {}", hostname, processes.size(), loader.file());
    startMissing();
    while (!stop.await(options.checkInterval())) {
      try {
        checkOnce();
      } catch (RuntimeException e) {
        // never let the loop die silently (upstream LP#1930361 had that for the host monitor)
        LOG.error("[host={}] check cycle failed; continuing", hostname, e);
      }
    }
    LOG.info("[host={}] process monitor stopped", hostname);
  }

  /** Upstream starts every entry unconditionally; starting what already runs is at best a no-op. */
  private void startMissing() {
    for (ProcessEntry e : processes) {
      if (table.anyMatches(new ProcessPattern(e.processName()))) {
        LOG.info("{} already running; start_command skipped", e.tag());
      } else {
        restarter.start(e);
      }
    }
  }

  void checkOnce() {
    int down = 0;
    for (ProcessEntry e : processes) {
      if (stop.isStopped()) {
        return;
      }
      if (table.anyMatches(new ProcessPattern(e.processName()))) {
        if (reported.remove(e.processName())) {
          LOG.info("{} running again; it will be restarted and reported anew if it stops", e.tag());
        }
        continue;
      }
      down++;
      if (reported.contains(e.processName())) {
        continue; // already reported: no restart storm, no duplicate notification
      }
      LOG.warn("{} not running; restarting", e.tag());
      if (restarter.restart(e)) {
        metrics.recovered();
      } else if (!stop.isStopped()) {
        metrics.gaveUp();
        reported.add(e.processName());
        LOG.error("{} could not be brought back after {} attempts; reporting it", e.tag(),
            options.restartRetries() + 1);
        notifier.send(Notification.processStopped(hostname, GeneratedTime.now(clock), e.processName()));
      }
    }
    metrics.cycleDone(processes.size(), down);
    reload();
  }

  private void reload() {
    try {
      processes = loader.load();
    } catch (ConfigException e) {
      LOG.error("[host={}] process list not reloaded, keeping the previous one: {}", hostname, e.getMessage());
    }
  }
}
