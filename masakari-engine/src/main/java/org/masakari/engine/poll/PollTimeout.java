package org.masakari.engine.poll;

/** A condition was not reached within its time limit. */
public final class PollTimeout extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PollTimeout(String message) {
    super(message);
  }
}
