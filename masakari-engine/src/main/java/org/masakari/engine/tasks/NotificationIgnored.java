package org.masakari.engine.tasks;

/** The notification must not be acted on (instance paused or rescued): the notification is ignored. */
public final class NotificationIgnored extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NotificationIgnored(String message) {
    super(message);
  }
}
