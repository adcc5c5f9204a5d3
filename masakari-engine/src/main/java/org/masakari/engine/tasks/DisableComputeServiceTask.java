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
    String reason = deps.options().hostFailure().serviceDisableReason();
    if (deps.options().hostFailure().forceDownCompute()) {
      // the host's servers are read while Nova handles the force-down: one round trip before evacuating, not two
      ctx.hostServers().prefetch(() -> deps.nova().serversOnHost(host), "list-servers-" + host);
      forceDown(host, reason);
      progress.update("Compute service on host '" + host + "' forced down; evacuating without waiting", 0.5);
    } else {
      ComputeService service = deps.services().lookup(host);
      if (!service.disabled()) {
        deps.services().remember(deps.nova().disableService(service, reason));
      }
      // upstream's progress details have no entry for the wait; keep them identical in this mode
      deps.poller().fixed(deps.options().timing().serviceUpdateWait());
    }
    progress.update("Disabled compute service on host: '" + host + "'", 1.0);
  }

  /**
   * One PUT with the service id known from start-up; a lookup first only for a host the engine has not
   * seen, or when the known id is gone.
   */
  private void forceDown(String host, String reason) {
    deps.services().update(host, (s, current) -> {
      if (!s.disabled()) {
        return deps.nova().disableAndForceDown(s, reason);
      }
      // a known status may be stale: never skip the call on its word; an operator's reason stays either way
      return current && s.forcedDown() ? s : deps.nova().forceDown(s, true);
    });
  }
}
