package org.masakari.sim.cloud;

/** Nova's {@code vm_states}, with their wire names. */
public enum VmState {
  BUILDING("building"),
  ACTIVE("active"),
  STOPPED("stopped"),
  ERROR("error");

  private final String wire;

  VmState(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }
}
