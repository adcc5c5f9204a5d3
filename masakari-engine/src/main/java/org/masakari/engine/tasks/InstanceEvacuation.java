package org.masakari.engine.tasks;

import java.util.Set;
import org.masakari.core.domain.VMove;
import org.masakari.engine.config.TimingOptions;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.nova.Server;
import org.masakari.engine.poll.PollTimeout;
import org.masakari.engine.poll.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evacuates one instance and confirms it, as upstream's {@code _evacuate_and_confirm} (contract §5.3):
 * lock, bring the instance into a state Nova evacuates, evacuate, wait for it to run elsewhere, stop it
 * again if it was not running, unlock. The outcome goes into the instance's vmove row.
 *
 * <p>A row left {@code ongoing} by a dead engine is resumed without a second evacuate call when Nova
 * already acted on the first (the server left the host or has a task in progress), so no instance is
 * evacuated twice.
 */
final class InstanceEvacuation {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceEvacuation.class);
  private static final Set<String> EVACUABLE = Set.of("active", "error", "stopped");

  private final NovaPort nova;
  private final TimingOptions timing;
  private final TaskDependencies deps;
  private final FlowContext ctx;

  InstanceEvacuation(TaskDependencies deps, FlowContext ctx) {
    this.deps = deps;
    this.nova = deps.nova();
    this.timing = deps.options().timing();
    this.ctx = ctx;
  }

  /** @return true when the instance runs on another host; the vmove row says why not otherwise */
  boolean evacuateAndConfirm(VMove move, String targetHost) {
    String id = move.getInstanceUuid();
    String source = move.getSourceHost();
    Server server;
    try {
      server = nova.server(id);
    } catch (NovaException e) {
      deps.vmoves().markFailed(move.getUuid(), e.getMessage());
      return false;
    }
    boolean resumed = "ongoing".equals(move.getStatus()) && alreadyActedOn(server, source);
    boolean wasLocked = server.locked();
    try {
      if (!wasLocked) {
        nova.lock(id);
      }
      String original = server.vmState();
      String expected = original;
      boolean stopAfter = true;
      if (resumed) {
        LOG.info("{} [instance={}] resuming: Nova already evacuates it, confirming only", ctx.tag(), id);
        expected = null;
      } else {
        if (!EVACUABLE.contains(original)) {
          nova.resetState(id, "error");
          expected = "error";
          stopAfter = !("resized".equals(original) && server.powerState() != Server.POWER_SHUTDOWN);
        } else if ("stopped".equals(original) && server.taskState() == null) {
          stopAfter = false;
        } else if (server.taskState() != null) {
          nova.resetState(id, "error");
          expected = "error";
          stopAfter = !"active".equals(original);
        }
        deps.vmoves().markOngoing(move.getUuid());
        nova.evacuate(id, targetHost);
      }
      Server moved = confirmMoved(id, source, expected);
      if (!resumed && !"active".equals(original) && stopAfter) {
        stopAgain(id, original);
      }
      deps.vmoves().markSucceeded(move.getUuid(), moved.hypervisorHostname());
      LOG.info("{} [instance={}] evacuated to {}", ctx.tag(), id, moved.hypervisorHostname());
      return true;
    } catch (PollTimeout e) {
      deps.vmoves().markFailed(move.getUuid(), "Failed reason: timeout.");
      LOG.warn("{} [instance={}] evacuation timed out: {}", ctx.tag(), id, e.getMessage());
      return false;
    } catch (Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      deps.vmoves().markFailed(move.getUuid(), e.getMessage());
      LOG.warn("{} [instance={}] evacuation failed: {}", ctx.tag(), id, e.getMessage());
      return false;
    } finally {
      if (!wasLocked) {
        unlockQuietly(id);
      }
    }
  }

  /** Nova accepted an earlier evacuate call: the server left the host or is being rebuilt. */
  private static boolean alreadyActedOn(Server s, String source) {
    return (s.hypervisorHostname() != null && !s.hypervisorHostname().equals(source)) || s.taskState() != null;
  }

  /**
   * Success when it runs on another hypervisor in the state it had (error may come back active);
   * an instance that turns to error fails at once instead of waiting for the timeout.
   */
  private Server confirmMoved(String id, String source, String expected) {
    return deps.poller().until(ctx.tag() + " [instance=" + id + "] evacuation", () -> nova.server(id), s -> {
      if ("error".equals(s.vmState()) && !"error".equals(expected)) {
        throw new RecoveryFailed("Instance " + id + " went to error state during evacuation");
      }
      boolean elsewhere = s.hypervisorHostname() != null && !s.hypervisorHostname().equals(source);
      if (!elsewhere || s.taskState() != null) {
        return false;
      }
      if (expected == null) {
        return !"error".equals(s.vmState());
      }
      return s.vmState().equals(expected) || ("error".equals(expected) && "active".equals(s.vmState()));
    }, timing.evacuationWait(), timing.verifyInterval());
  }

  private void stopAgain(String id, String original) {
    try {
      nova.stop(id);
    } catch (NovaException e) {
      if (e.kind() != NovaException.Kind.CONFLICT) {
        throw e;
      }
    }
    deps.poller().until(ctx.tag() + " [instance=" + id + "] power off after evacuation", () -> nova.server(id),
        s -> "stopped".equals(s.vmState()), timing.powerOffWait(), timing.verifyInterval());
    if ("error".equals(original)) {
      nova.resetState(id, "error");
    }
  }

  private void unlockQuietly(String id) {
    try {
      nova.unlock(id);
    } catch (RuntimeException e) {
      LOG.warn("{} [instance={}] unlock failed: {}", ctx.tag(), id, e.getMessage());
    }
  }
}
