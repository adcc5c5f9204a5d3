package org.masakari.engine.nova;

/**
 * A failed Nova call, translated as upstream does (contract §5.7): 400 InvalidInput, 403 Forbidden,
 * 404 NotFound, 409 Conflict, anything else (timeouts, connection errors, 5xx) a generic failure.
 */
public final class NovaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public enum Kind { INVALID_INPUT, FORBIDDEN, NOT_FOUND, CONFLICT, FAILURE }

  private final Kind kind;
  private final int status;

  public NovaException(Kind kind, int status, String message) {
    super(message);
    this.kind = kind;
    this.status = status;
  }

  public static NovaException fromStatus(int status, String message) {
    Kind k = switch (status) {
      case 400 -> Kind.INVALID_INPUT;
      case 403 -> Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      default -> Kind.FAILURE;
    };
    return new NovaException(k, status, message);
  }

  public Kind kind() {
    return kind;
  }

  /** HTTP status, 0 when Nova was not reached. */
  public int status() {
    return status;
  }
}
