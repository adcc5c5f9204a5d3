package org.masakari.sim.cloud;

/**
 * A refusal by the simulated cloud. It carries the kind of fault Nova would answer with and
 * Nova's own message, so the HTTP layer maps it in one place.
 */
public final class CloudException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Nova's fault kinds, by HTTP status. */
  public enum Kind {
    BAD_REQUEST(400),
    FORBIDDEN(403),
    NOT_FOUND(404),
    CONFLICT(409);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private final Kind kind;

  public CloudException(Kind kind, String message) {
    super(message, null, false, false);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  public static CloudException badRequest(String message) {
    return new CloudException(Kind.BAD_REQUEST, message);
  }

  public static CloudException forbidden(String message) {
    return new CloudException(Kind.FORBIDDEN, message);
  }

  public static CloudException notFound(String message) {
    return new CloudException(Kind.NOT_FOUND, message);
  }

  public static CloudException conflict(String message) {
    return new CloudException(Kind.CONFLICT, message);
  }
}
