package org.masakari.engine.tasks;

import org.masakari.engine.poll.PollTimeout;

/** Instance failure, step 3: wait for the instance to be active within {@code wait_period_after_power_on}. */
public final class ConfirmInstanceActiveTask implements RecoveryTask {
  private final TaskDependencies deps;

  public ConfirmInstanceActiveTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "ConfirmInstanceActiveTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String id = ctx.instanceUuid();
    progress.update("Confirming instance '" + id + "' vm_state is ACTIVE", 0.0);
    try {
      deps.poller().until(ctx.tag() + " power on", () -> deps.nova().server(id), s -> "active".equals(s.vmState()),
          deps.options().timing().powerOnWait(), deps.options().timing().verifyInterval());
    } catch (PollTimeout e) {
      progress.update("Failed to start instance " + id, 1.0);
      throw new RecoveryFailed("Failed to start instance " + id + ": " + e.getMessage(), e);
    }
    progress.update("Confirmed instance '" + id + "' vm_state is ACTIVE", 1.0);
  }
}
