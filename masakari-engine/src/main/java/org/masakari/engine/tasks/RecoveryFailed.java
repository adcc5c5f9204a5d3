package org.masakari.engine.tasks;

/** A recovery step could not do its job; the flow (or its fallback) fails. */
public final class RecoveryFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecoveryFailed(String message) {
    super(message);
  }

  public RecoveryFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
