package org.masakari.sim.cloud;

/** Nova's {@code power_state} codes (nova/compute/power_state.py). */
public enum PowerState {
  NOSTATE(0),
  RUNNING(1),
  SHUTDOWN(4),
  CRASHED(6);

  private final int code;

  PowerState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
