package org.masakari.sim.cloud;

import java.time.Instant;

/** A service as the API shows it at one instant. */
public record ServiceSnapshot(
    int id,
    String uuid,
    String binary,
    String host,
    String zone,
    boolean disabled,
    String disabledReason,
    boolean forcedDown,
    boolean up,
    Instant updatedAt) {

  public String status() {
    return disabled ? "disabled" : "enabled";
  }

  public String state() {
    return up ? "up" : "down";
  }
}
