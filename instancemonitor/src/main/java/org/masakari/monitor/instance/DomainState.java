package org.masakari.monitor.instance;

/** A domain's state and reason as virDomainGetState reports them (raw libvirt integers). */
record DomainState(String uuid, int state, int reason) {
  static final int RUNNING = 1;
  static final int BLOCKED = 2;
  static final int PAUSED = 3;
  static final int SHUTTING_DOWN = 4;
  static final int SHUTOFF = 5;
  static final int CRASHED = 6;
  static final int PMSUSPENDED = 7;

  /** qemu is there: running, paused, blocked, shutting down or PM-suspended. */
  boolean active() {
    return state == RUNNING || state == BLOCKED || state == PAUSED || state == SHUTTING_DOWN
        || state == PMSUSPENDED;
  }
}
