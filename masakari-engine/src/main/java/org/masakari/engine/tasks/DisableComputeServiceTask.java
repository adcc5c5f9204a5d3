package org.masakari.engine.tasks;

import org.masakari.engine.nova.ComputeService;

/**
 * Host failure, step 1: take the failed host out of scheduling. With {@code force_down_compute} (ours,
 * default) the service is also marked forced down, which tells Nova the host is dead now instead of after
 * its {@code service_down_time}; Nova then accepts evacuations at once. Safe only because this flow runs
 * for {@code host_status = NORMAL} notifications, where the monitor confirmed the host is down.
 * Without it, upstream's fixed wait of {@code wait_period_after_service_update} applies.
 */
public final class DisableComputeServiceTask implements RecoveryTask {
  private static final String BINARY = "nova-compute";
  private final TaskDependencies deps;

  public DisableComputeServiceTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "DisableComputeServiceTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String host = ctx.hostName();
    progress.update("Disabling compute service on host: '" + host + "'", 0.0);
    ComputeService service = deps.nova().service(host, BINARY);
    String reason = deps.options().hostFailure().serviceDisableReason();
    if (deps.options().hostFailure().forceDownCompute()) {
      // one PUT for both: every call here delays the first evacuation by Nova's latency
      if (!service.disabled()) {
        deps.nova().disableAndForceDown(service, reason);
      } else if (!service.forcedDown()) {
        deps.nova().forceDown(service, true);
      }
      progress.update("Compute service on host '" + host + "' forced down; evacuating without waiting", 0.5);
    } else {
      if (!service.disabled()) {
        deps.nova().disableService(service, reason);
      }
      // upstream's progress details have no entry for the wait; keep them identical in this mode
      deps.poller().fixed(deps.options().timing().serviceUpdateWait());
    }
    progress.update("Disabled compute service on host: '" + host + "'", 1.0);
  }
}
