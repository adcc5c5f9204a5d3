package org.masakari.engine.processing;

import org.masakari.core.domain.NotificationStatus;

/** How processing a notification ended: the status to store and, for ignored/error, why (and the failure). */
public record Outcome(NotificationStatus status, String message, Throwable cause) {
  public static Outcome finished() {
    return new Outcome(NotificationStatus.FINISHED, null, null);
  }

  public static Outcome ignored(String why) {
    return new Outcome(NotificationStatus.IGNORED, why, null);
  }

  public static Outcome error(String why) {
    return new Outcome(NotificationStatus.ERROR, why, null);
  }

  public static Outcome error(Throwable cause) {
    return new Outcome(NotificationStatus.ERROR, cause.getMessage(), cause);
  }
}
