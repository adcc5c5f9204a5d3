package org.masakari.engine.tasks;

/** Nothing to recover (no instance to evacuate, instance not HA-enabled): the notification is finished. */
public final class RecoverySkipped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RecoverySkipped(String message) {
    super(message);
  }
}
