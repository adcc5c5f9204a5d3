package org.masakari.lb.vrrp;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs keepalived-style notify scripts off the VRRP thread: {@code notify} gets
 * {@code INSTANCE <name> <STATE> <priority>}, {@code notify_master}/{@code notify_backup} no arguments.
 */
public final class NotifyHooks {
  private static final Logger LOG = LoggerFactory.getLogger(NotifyHooks.class);
  private static final long TIMEOUT_SECONDS = 30;

  private final String logPrefix;
  private final String instanceName;
  private final String notify;
  private final String notifyMaster;
  private final String notifyBackup;
  private final ExecutorService executor;

  public NotifyHooks(String logPrefix, String instanceName, String notify, String notifyMaster, String notifyBackup,
      ExecutorService executor) {
    this.logPrefix = logPrefix;
    this.instanceName = instanceName;
    this.notify = notify;
    this.notifyMaster = notifyMaster;
    this.notifyBackup = notifyBackup;
    this.executor = executor;
  }

  public void stateChanged(VrrpState state, int priority) {
    List<List<String>> commands = new ArrayList<>();
    if (notify != null) {
      commands.add(List.of("/bin/sh", "-c", notify + " \"$@\"", "notify", "INSTANCE", instanceName, state.name(),
          Integer.toString(priority)));
    }
    if (state == VrrpState.MASTER && notifyMaster != null) {
      commands.add(List.of("/bin/sh", "-c", notifyMaster));
    }
    if (state == VrrpState.BACKUP && notifyBackup != null) {
      commands.add(List.of("/bin/sh", "-c", notifyBackup));
    }
    for (List<String> command : commands) {
      executor.execute(() -> run(command));
    }
  }

  private void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        LOG.warn("{} notify script timed out after {} s: {}", logPrefix, TIMEOUT_SECONDS, command.get(2));
      } else if (p.exitValue() != 0) {
        LOG.warn("{} notify script exited {}: {}", logPrefix, p.exitValue(), command.get(2));
      }
    } catch (IOException e) {
      LOG.warn("{} notify script failed to start: {}", logPrefix, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
