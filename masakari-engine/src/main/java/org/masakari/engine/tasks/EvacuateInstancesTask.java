package org.masakari.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.masakari.core.domain.VMove;
import org.masakari.engine.nova.Aggregate;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.Server;
import org.masakari.engine.nova.ServerListing;
import org.masakari.engine.poll.Waiter;

/**
 * Host failure, step 3: with a reserved host, take it (reserved=false), optionally add it to the failed
 * host's aggregates and enable its compute service; then evacuate every pending instance,
 * {@code host_failure_recovery_threads} calls at a time, and confirm them all with one watcher. The attempt fails when any instance of <em>this</em>
 * attempt failed (not of earlier ones — upstream quirk fixed).
 */
public final class EvacuateInstancesTask implements RecoveryTask {
  private final TaskDependencies deps;

  public EvacuateInstancesTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "EvacuateInstancesTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String target = ctx.reservedHost();
    if (target != null) {
      prepareReservedHost(ctx, target, progress);
    }
    List<VMove> moves = deps.vmoves().actionable(ctx.notificationUuid());
    progress.update("Start evacuation of instances from failed host '" + ctx.hostName() + "', instance uuids are: '"
        + String.join(",", moves.stream().map(VMove::getInstanceUuid).toList()) + "'", 0.1);
    InstanceEvacuation evacuation = new InstanceEvacuation(deps, ctx);
    List<String> failed = runAll(moves, evacuation, target, ctx);
    if (!failed.isEmpty()) {
      progress.update("Failed to evacuate instances '" + String.join(",", failed) + "' from host '"
          + ctx.hostName() + "'", 0.7);
      throw new RecoveryFailed("Failed to evacuate instances '" + String.join(",", failed) + "' from host '"
          + ctx.hostName() + "'");
    }
    progress.update("Successfully evacuate instances '" + String.join(",", moves.stream()
        .map(VMove::getInstanceUuid).toList()) + "' from host '" + ctx.hostName() + "'", 0.7);
    progress.update("Evacuation process completed!", 1.0);
  }

  private void prepareReservedHost(FlowContext ctx, String target, Progress progress) {
    if (!deps.hosts().takeReservedHost(ctx.segmentUuid(), target)) {
      throw new RecoveryFailed("Reserved host '" + target + "' was taken by another recovery");
    }
    if (deps.options().hostFailure().addReservedHostToAggregate()) {
      for (Aggregate a : deps.nova().aggregates()) {
        if (a.hosts().contains(ctx.hostName()) && !a.hosts().contains(target)) {
          progress.update("Add host " + target + " to aggregate " + a.name(), 0.05);
          try {
            deps.nova().addHostToAggregate(a.id(), target);
          } catch (NovaException e) {
            if (e.kind() != NovaException.Kind.CONFLICT) {
              throw e;
            }
          }
        }
      }
    }
    // with the service id known from start-up this is one call
    deps.services().update(target, (s, current) -> deps.nova().enableService(s));
    progress.update("Enabled compute service on reserved host '" + target + "'", 0.08);
  }

  /**
   * Evacuate calls run on {@code host_failure_recovery_threads} slots; lock, unlock, the stop after
   * evacuating and the outcome rows run beside them on twice as many threads, so a slot is free again as
   * soon as Nova accepted its evacuation; one watcher on this thread confirms them all. Each instance's
   * outcome is in its vmove row; the failed ones are returned.
   */
  private List<String> runAll(List<VMove> moves, InstanceEvacuation evacuation, String target, FlowContext ctx) {
    int threads = Math.max(1, Math.min(deps.options().timing().recoveryThreads(), moves.size()));
    String name = ctx.notificationUuid().substring(0, 8);
    ExecutorService slots = pool(threads, "evacuate-" + name);
    ExecutorService helpers = pool(2 * threads, "evacuate-aux-" + name);
    try {
      Map<String, Server> listed = ctx.hostServers().lastById();
      ServerListing last = ctx.hostServers().last();
      EvacuationWatcher watcher = new EvacuationWatcher(deps, ctx.tag(),
          moves.stream().map(VMove::getInstanceUuid).toList(), last == null ? null : last.novaTime(), helpers);
      AtomicInteger starting = new AtomicInteger(moves.size());
      List<CompletableFuture<Boolean>> outcomes = new ArrayList<>();
      for (VMove m : moves) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        outcomes.add(outcome);
        slots.execute(() -> {
          try {
            InstanceEvacuation.Started st = evacuation.start(m, target, listed.get(m.getInstanceUuid()), helpers);
            if (st == null) {
              outcome.complete(false);
              return;
            }
            watcher.watch(st.id(), st.source(), st.expected(), st.current())
                .handleAsync((server, error) -> error == null ? evacuation.finish(st, server)
                    : evacuation.fail(st, error), helpers)
                .whenComplete((ok, error) -> {
                  if (error != null) {
                    outcome.completeExceptionally(error);
                  } else {
                    outcome.complete(ok);
                  }
                });
          } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
          } finally {
            starting.decrementAndGet();
          }
        });
      }
      watcher.run(() -> starting.get() > 0);
      List<String> failed = new ArrayList<>();
      for (int i = 0; i < moves.size(); i++) {
        if (!Boolean.TRUE.equals(get(outcomes.get(i)))) {
          failed.add(moves.get(i).getInstanceUuid());
        }
      }
      return failed;
    } finally {
      slots.shutdownNow();
      helpers.shutdownNow();
    }
  }

  private static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  private static Boolean get(Future<Boolean> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Waiter.EngineStopping();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof java.util.concurrent.CompletionException c ? c.getCause() : e.getCause();
      if (cause instanceof Waiter.EngineStopping stopping) {
        throw stopping;
      }
      return false;
    }
  }
}
