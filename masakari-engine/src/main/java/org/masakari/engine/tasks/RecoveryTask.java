package org.masakari.engine.tasks;

/**
 * One recovery step. {@link #execute} reads like the runbook; it throws {@link RecoverySkipped} when
 * nothing needs doing, {@link NotificationIgnored} when the notification must not be acted on, and any
 * other exception when the step failed.
 */
public interface RecoveryTask {
  /** The name shown in {@code recovery_workflow_details} (upstream's task class name). */
  String displayName();

  void execute(FlowContext ctx, Progress progress);
}
