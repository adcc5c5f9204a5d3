package org.masakari.sim.cloud;

/**
 * The API {@code status} derived from vm_state and task_state, as Nova's view builder does
 * (nova/api/openstack/common.py _STATE_MAP), for the states the simulator produces.
 */
public final class ServerStatus {
  private ServerStatus() {}

  public static String of(VmState vm, TaskState task) {
    if (task == TaskState.REBUILDING || task == TaskState.REBUILD_BLOCK_DEVICE_MAPPING) {
      return "REBUILD";
    }
    return switch (vm) {
      case BUILDING -> "BUILD";
      case ACTIVE -> "ACTIVE";
      case STOPPED -> "SHUTOFF";
      case ERROR -> "ERROR";
    };
  }

  /** The vm_state a {@code ?status=} filter selects, or null when unknown to the simulator. */
  public static VmState vmStateFor(String status) {
    return switch (status.toUpperCase(java.util.Locale.ROOT)) {
      case "BUILD" -> VmState.BUILDING;
      case "ACTIVE", "REBUILD" -> VmState.ACTIVE;
      case "SHUTOFF" -> VmState.STOPPED;
      case "ERROR" -> VmState.ERROR;
      default -> null;
    };
  }
}
