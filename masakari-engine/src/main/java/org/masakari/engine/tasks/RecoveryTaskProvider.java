package org.masakari.engine.tasks;

/**
 * The plug-in SPI for recovery tasks (upstream's {@code masakari.task_flow.tasks} entry points). An
 * operator's jar lists its providers in {@code META-INF/services/org.masakari.engine.tasks.RecoveryTaskProvider};
 * the task name is then usable in {@code [taskflow_driver_recovery_flows]}.
 */
public interface RecoveryTaskProvider {
  /** The name used in the flow options, e.g. {@code disable_compute_service_task}. */
  String taskName();

  RecoveryTask create(TaskDependencies deps);
}
