package org.masakari.engine.tasks;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
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
 * Evacuates one instance as upstream's {@code _evacuate_and_confirm} (contract §5.3), in two halves so
 * that an evacuation slot is held only while Nova is asked to evacuate: {@link #start} brings the
 * instance into a state Nova evacuates and calls evacuate, then locks it on another thread;
 * {@link EvacuationWatcher} confirms it; {@link #finish} stops it again if it was not running, records
 * the outcome in the instance's vmove row and unlocks it.
 *
 * <p>Upstream locks before evacuating. The lock here is sent right after Nova accepted the evacuation:
 * while Nova rebuilds, its task state already refuses the owner's actions, and one Nova round trip less
 * per instance in the slot is what lets 10 slots keep up with large hosts. The state the pre-handling
 * reads comes from the host's server list taken a moment before, not from one read per instance.
 *
 * <p>A row left {@code ongoing} by a dead engine is resumed without a second evacuate call when Nova
 * already acted on the first (the server left the host or has a task in progress), so no instance is
 * evacuated twice.
 */
final class InstanceEvacuation {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceEvacuation.class);
  private static final Set<String> EVACUABLE = Set.of("active", "error", "stopped");

  /**
   * An evacuation Nova accepted (or a dead engine's that Nova acts on), waiting for confirmation.
   *
   * @param current what was read of a resumed instance (it may be confirmed already), else null
   * @param locked our lock call, or null when the instance was locked before (then it stays locked)
   */
  record Started(VMove move, String id, String source, String original, String expected, boolean stopAfter,
      boolean resumed, Server current, CompletableFuture<Boolean> locked) {}

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

  /**
   * Pre-handling and the evacuate call, on an evacuation slot.
   *
   * @param listed the instance as the host's server list showed it, or null to read it now
   * @param lockers where the lock call runs
   * @return null when it failed (the vmove row says why)
   */
  Started start(VMove move, String targetHost, Server listed, Executor lockers) {
    String id = move.getInstanceUuid();
    String source = move.getSourceHost();
    boolean ongoing = "ongoing".equals(move.getStatus());
    Server server;
    try {
      // a resumed row needs Nova's state now; a pending one was listed a moment ago
      server = listed != null && !ongoing ? listed : nova.server(id);
    } catch (NovaException e) {
      deps.vmoves().markFailed(move.getUuid(), e.getMessage());
      return null;
    }
    boolean resumed = ongoing && alreadyActedOn(server, source);
    String original = server.vmState();
    try {
      if (resumed) {
        LOG.info("{} [instance={}] resuming: Nova already evacuates it, confirming only", ctx.tag(), id);
        return new Started(move, id, source, original, null, true, true, server, server.locked() ? null
            : lock(id, lockers));
      }
      String expected = original;
      boolean stopAfter = true;
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
      return new Started(move, id, source, original, expected, stopAfter, false, null,
          server.locked() ? null : lock(id, lockers));
    } catch (Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      deps.vmoves().markFailed(move.getUuid(), e.getMessage());
      LOG.warn("{} [instance={}] evacuation failed: {}", ctx.tag(), id, e.getMessage());
      return null;
    }
  }

  /** The instance runs elsewhere: stop it again when due, record success, unlock. */
  boolean finish(Started s, Server moved) {
    try {
      if (!s.resumed() && !"active".equals(s.original()) && s.stopAfter()) {
        stopAgain(s.id(), s.original());
      }
      deps.vmoves().markSucceeded(s.move().getUuid(), moved.hypervisorHostname());
      LOG.info("{} [instance={}] evacuated to {}", ctx.tag(), s.id(), moved.hypervisorHostname());
      return true;
    } catch (Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      return recordFailure(s, e);
    } finally {
      unlockQuietly(s);
    }
  }

  /** Confirmation failed or timed out: record it, unlock. */
  boolean fail(Started s, Throwable error) {
    Throwable e = error instanceof CompletionException || error instanceof ExecutionException ? error.getCause() : error;
    if (e instanceof Waiter.EngineStopping stopping) {
      throw stopping;
    }
    try {
      return recordFailure(s, e);
    } finally {
      unlockQuietly(s);
    }
  }

  private boolean recordFailure(Started s, Throwable e) {
    if (e instanceof PollTimeout) {
      deps.vmoves().markFailed(s.move().getUuid(), "Failed reason: timeout.");
      LOG.warn("{} [instance={}] evacuation timed out: {}", ctx.tag(), s.id(), e.getMessage());
    } else {
      deps.vmoves().markFailed(s.move().getUuid(), e.getMessage());
      LOG.warn("{} [instance={}] evacuation failed: {}", ctx.tag(), s.id(), e.getMessage());
    }
    return false;
  }

  private CompletableFuture<Boolean> lock(String id, Executor lockers) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        nova.lock(id);
        return true;
      } catch (RuntimeException e) {
        // the evacuation is under way; a missing lock only leaves the owner free to act meanwhile
        LOG.warn("{} [instance={}] lock failed: {}", ctx.tag(), id, e.getMessage());
        return false;
      }
    }, lockers);
  }

  /** Nova accepted an earlier evacuate call: the server left the host or is being rebuilt. */
  private static boolean alreadyActedOn(Server s, String source) {
    return (s.hypervisorHostname() != null && !s.hypervisorHostname().equals(source)) || s.taskState() != null;
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

  private void unlockQuietly(Started s) {
    if (s.locked() == null || !Boolean.TRUE.equals(s.locked().join())) {
      return;
    }
    try {
      nova.unlock(s.id());
    } catch (RuntimeException e) {
      LOG.warn("{} [instance={}] unlock failed: {}", ctx.tag(), s.id(), e.getMessage());
    }
  }
}
