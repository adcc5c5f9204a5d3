package org.masakari.engine.nova;

/** A Nova service row at 2.53: {@code id} is the UUID that {@code PUT /os-services/{id}} takes. */
public record ComputeService(String id, String binary, String host, String status, String state,
    boolean forcedDown, String disabledReason) {
  public boolean disabled() {
    return "disabled".equalsIgnoreCase(status);
  }
}
