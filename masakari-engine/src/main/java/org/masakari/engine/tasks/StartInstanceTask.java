package org.masakari.engine.tasks;

import org.masakari.engine.nova.Server;

/** Instance failure, step 2: start the stopped instance. */
public final class StartInstanceTask implements RecoveryTask {
  private final TaskDependencies deps;

  public StartInstanceTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "StartInstanceTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String id = ctx.instanceUuid();
    progress.update("Starting instance: '" + id + "'", 0.0);
    Server s = deps.nova().server(id);
    if (!"stopped".equals(s.vmState())) {
      progress.update("Invalid state for Instance " + id + ". Expected state: 'STOPPED', Current state: '"
          + s.vmState() + "'", 1.0);
      throw new RecoveryFailed("Invalid state for Instance " + id + ". Expected state: 'STOPPED', Current state: '"
          + s.vmState() + "'");
    }
    deps.nova().start(id);
    progress.update("Instance started: '" + id + "'", 1.0);
  }
}
