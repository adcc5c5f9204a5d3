package org.masakari.engine.tasks;

/** Upstream's {@code no_op}: does nothing but say so; a placeholder in custom flows. */
public final class NoOpTask implements RecoveryTask {
  @Override
  public String displayName() {
    return "Noop";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    progress.update("Custom task executed successfully..!!", 1.0);
  }
}
