package org.masakari.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.masakari.core.domain.VMove;
import org.masakari.engine.nova.Aggregate;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.poll.Waiter;

/**
 * Host failure, step 3: with a reserved host, take it (reserved=false), optionally add it to the failed
 * host's aggregates and enable its compute service; then evacuate and confirm every pending instance,
 * {@code host_failure_recovery_threads} at a time. The attempt fails when any instance of <em>this</em>
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
    deps.nova().enableService(deps.nova().service(target, "nova-compute"));
    progress.update("Enabled compute service on reserved host '" + target + "'", 0.08);
  }

  /** Evacuates in a bounded pool; each instance's outcome is in its vmove row, failures are collected. */
  private List<String> runAll(List<VMove> moves, InstanceEvacuation evacuation, String target, FlowContext ctx) {
    int threads = Math.max(1, Math.min(deps.options().timing().recoveryThreads(), moves.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "evacuate-" + ctx.notificationUuid().substring(0, 8));
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (VMove m : moves) {
        results.add(pool.submit(() -> evacuation.evacuateAndConfirm(m, target)));
      }
      List<String> failed = new ArrayList<>();
      for (int i = 0; i < moves.size(); i++) {
        if (!Boolean.TRUE.equals(get(results.get(i)))) {
          failed.add(moves.get(i).getInstanceUuid());
        }
      }
      return failed;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Boolean get(Future<Boolean> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Waiter.EngineStopping();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Waiter.EngineStopping stopping) {
        throw stopping;
      }
      return false;
    }
  }
}
