package org.masakari.engine.tasks;

import org.masakari.engine.nova.ComputeService;
import org.masakari.engine.nova.NovaException;

/**
 * Ours ({@code [host_failure] auto_recover_host}): the failed host reports {@code STARTED} again — clear
 * forced-down, re-enable its compute service, end maintenance. Nova refuses to clear forced-down (400)
 * until the restarted compute has cleaned up its evacuated instances, so that step is retried until
 * {@code wait_period_after_service_update}.
 */
public final class RecoverComputeHostTask implements RecoveryTask {
  private final TaskDependencies deps;

  public RecoverComputeHostTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "RecoverComputeHostTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String host = ctx.hostName();
    progress.update("Host '" + host + "' is back; returning it to service", 0.0);
    ComputeService s = deps.nova().service(host, "nova-compute");
    if (s.forcedDown()) {
      deps.poller().until(ctx.tag() + " clear forced-down", () -> tryForceUp(s), ok -> ok,
          deps.options().timing().serviceUpdateWait(), deps.options().timing().verifyInterval());
      progress.update("Cleared forced-down of compute service on host '" + host + "'", 0.4);
    }
    if (s.disabled()) {
      deps.nova().enableService(s);
      progress.update("Enabled compute service on host '" + host + "'", 0.7);
    }
    deps.hosts().clearMaintenance(ctx.hostUuid());
    progress.update("Host '" + host + "' is out of maintenance", 1.0);
  }

  private boolean tryForceUp(ComputeService s) {
    try {
      deps.nova().forceDown(s, false);
      return true;
    } catch (NovaException e) {
      if (e.kind() == NovaException.Kind.INVALID_INPUT) {
        return false;
      }
      throw e;
    }
  }
}
