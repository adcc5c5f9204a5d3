package org.masakari.sim.cloud;

/** The subset of Nova's {@code task_states} the simulator moves servers through. */
public enum TaskState {
  SCHEDULING("scheduling"),
  SPAWNING("spawning"),
  REBUILDING("rebuilding"),
  /** Where real Nova leaves a server whose second, racing evacuation failed on the compute. */
  REBUILD_BLOCK_DEVICE_MAPPING("rebuild_block_device_mapping"),
  POWERING_OFF("powering-off"),
  POWERING_ON("powering-on");

  private final String wire;

  TaskState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
