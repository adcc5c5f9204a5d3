package org.masakari.engine.tasks;

import org.masakari.engine.poll.PollTimeout;

/** Process failure, step 2: confirm Nova reports the service disabled within {@code wait_period_after_service_update}. */
public final class ConfirmComputeNodeDisabledTask implements RecoveryTask {
  private final TaskDependencies deps;

  public ConfirmComputeNodeDisabledTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "ConfirmComputeNodeDisabledTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    progress.update("Confirming compute service is disabled on host: '" + ctx.hostName() + "'", 0.0);
    try {
      deps.poller().until(ctx.tag() + " service disabled", () -> deps.nova().service(ctx.hostName(), ctx.processName()),
          s -> s.disabled(), deps.options().timing().serviceUpdateWait(), deps.options().timing().verifyInterval());
    } catch (PollTimeout e) {
      progress.update("Failed to disable service " + ctx.processName(), 1.0);
      throw new RecoveryFailed("Failed to disable service " + ctx.processName() + ": " + e.getMessage(), e);
    }
    progress.update("Confirmed compute service is disabled on host: '" + ctx.hostName() + "'", 1.0);
  }
}
