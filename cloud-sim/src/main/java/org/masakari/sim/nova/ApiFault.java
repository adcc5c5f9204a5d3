package org.masakari.sim.nova;

/** An HTTP-level refusal (schema, version, routing) rendered as a Nova fault body. */
public final class ApiFault extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  public ApiFault(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static ApiFault badRequest(String message) {
    return new ApiFault(400, message);
  }
}
