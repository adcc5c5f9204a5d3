package org.masakari.engine.config;

import java.util.List;
import org.masakari.client.config.Section;

/** {@code [taskflow_driver_recovery_flows]}: the task lists of the four flows (contract §5.3–§5.6). */
public record RecoveryFlowOptions(FlowTasks hostAuto, FlowTasks hostReservedHost, FlowTasks instance,
    FlowTasks process) {
  public static final FlowTasks DEFAULT_HOST_AUTO = new FlowTasks(List.of("disable_compute_service_task"),
      List.of("prepare_HA_enabled_instances_task"), List.of("evacuate_instances_task"));
  public static final FlowTasks DEFAULT_HOST_RH = new FlowTasks(List.of("disable_compute_service_task"),
      List.of("prepare_HA_enabled_instances_task", "evacuate_instances_task"), List.of());
  public static final FlowTasks DEFAULT_INSTANCE = new FlowTasks(List.of("stop_instance_task"),
      List.of("start_instance_task"), List.of("confirm_instance_active_task"));
  public static final FlowTasks DEFAULT_PROCESS = new FlowTasks(List.of("disable_compute_node_task"),
      List.of("confirm_compute_node_disabled_task"), List.of());

  static RecoveryFlowOptions from(Section s) {
    return new RecoveryFlowOptions(
        tasks(s, "host_auto_failure_recovery_tasks", DEFAULT_HOST_AUTO),
        tasks(s, "host_rh_failure_recovery_tasks", DEFAULT_HOST_RH),
        tasks(s, "instance_failure_recovery_tasks", DEFAULT_INSTANCE),
        tasks(s, "process_failure_recovery_tasks", DEFAULT_PROCESS));
  }

  private static FlowTasks tasks(Section s, String option, FlowTasks dflt) {
    return s.optString(option).map(v -> {
      try {
        return FlowTasks.parse(v);
      } catch (IllegalArgumentException e) {
        throw s.invalid(option, e.getMessage());
      }
    }).orElse(dflt);
  }
}
