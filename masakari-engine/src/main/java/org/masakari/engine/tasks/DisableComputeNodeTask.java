package org.masakari.engine.tasks;

import org.masakari.engine.nova.ComputeService;

/** Process failure, step 1: disable the failed process' Nova service (binary = process name) with the reason. */
public final class DisableComputeNodeTask implements RecoveryTask {
  private final TaskDependencies deps;

  public DisableComputeNodeTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "DisableComputeNodeTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    progress.update("Disabling compute service on host: '" + ctx.hostName() + "'", 0.0);
    ComputeService s = deps.nova().service(ctx.hostName(), ctx.processName());
    if (s.disabled()) {
      progress.update("Skipping recovery for process " + ctx.processName() + " as it is already disabled", 1.0);
      return;
    }
    deps.nova().disableService(s, deps.options().processFailure().serviceDisableReason());
    progress.update("Disabled compute service on host: '" + ctx.hostName() + "'", 1.0);
  }
}
