package org.masakari.monitor.process;

import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one process back: up to {@code restart_retries + 1} attempts of pre_restart → restart →
 * post_restart, {@code restart_interval} apart. An attempt counts only if the process is then seen
 * in /proc within {@code restart_interval}; upstream trusts the exit status alone.
 */
final class ProcessRestarter {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRestarter.class);
  private static final Duration POLL = Duration.ofMillis(100);

  private final ProcessOptions options;
  private final CommandRunner runner;
  private final ProcessTable table;
  private final StopSignal stop;
  private final ProcessMonitorMetrics metrics;

  ProcessRestarter(ProcessOptions options, CommandRunner runner, ProcessTable table, StopSignal stop,
      ProcessMonitorMetrics metrics) {
    this.options = options;
    this.runner = runner;
    this.table = table;
    this.stop = stop;
    this.metrics = metrics;
  }

  /** Returns true when the process runs again. */
  boolean restart(ProcessEntry e) {
    ProcessPattern pattern = new ProcessPattern(e.processName());
    int attempts = options.restartRetries() + 1;
    for (int attempt = 1; attempt <= attempts && !stop.isStopped(); attempt++) {
      metrics.restartAttempted();
      boolean commandsOk = runSteps(e, e.preRestartCommand(), "pre_restart")
          && runSteps(e, Optional.of(e.restartCommand()), "restart")
          && runSteps(e, e.postRestartCommand(), "post_restart");
      if (commandsOk && awaitRunning(pattern, options.restartInterval())) {
        LOG.info("{} running again after restart attempt {}/{}", e.tag(), attempt, attempts);
        return true;
      }
      LOG.warn("{} restart attempt {}/{} failed: {}", e.tag(), attempt, attempts,
          commandsOk ? "commands succeeded but the process did not appear within "
              + options.restartInterval().toMillis() + " ms" : "a command failed");
      if (!commandsOk && attempt < attempts && stop.await(options.restartInterval())) {
        return false;
      }
    }
    return false;
  }

  /** Start-up: pre_start → start → post_start, once; post_start's result is ignored as upstream. */
  void start(ProcessEntry e) {
    if (!runSteps(e, e.preStartCommand(), "pre_start")) {
      LOG.warn("{} pre_start_command failed; start skipped", e.tag());
      return;
    }
    runSteps(e, Optional.of(e.startCommand()), "start");
    runSteps(e, e.postStartCommand(), "post_start");
  }

  private boolean runSteps(ProcessEntry e, Optional<String> command, String step) {
    if (command.isEmpty()) {
      return true;
    }
    return runner.run(e.tag() + " " + step, command.get(), e.runAsRoot()).ok();
  }

  private boolean awaitRunning(ProcessPattern pattern, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      if (table.anyMatches(pattern)) {
        return true;
      }
      if (System.nanoTime() >= deadline || stop.await(POLL)) {
        return false;
      }
    }
  }
}
