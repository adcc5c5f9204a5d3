package org.masakari.core.actions;

import java.util.EnumSet;
import java.util.Set;
import org.masakari.core.domain.NotificationStatus;

/**
 * The actions of {@code POST /v1/notifications/{id}/action} (microversion 1.4, ours): the body is a
 * one-key object naming the action, {@code {"retry": null}} or {@code {"cancel": null}}.
 */
public enum NotificationAction {
  /** Run the recovery again: error|failed → new, back on the work queue. */
  RETRY("retry", EnumSet.of(NotificationStatus.ERROR, NotificationStatus.FAILED), NotificationStatus.NEW),
  /** Give up on it before or between attempts: new|error → ignored. */
  CANCEL("cancel", EnumSet.of(NotificationStatus.NEW, NotificationStatus.ERROR), NotificationStatus.IGNORED);

  private final String wire;
  private final Set<NotificationStatus> from;
  private final NotificationStatus to;

  NotificationAction(String wire, Set<NotificationStatus> from, NotificationStatus to) {
    this.wire = wire;
    this.from = from;
    this.to = to;
  }

  public String wire() {
    return wire;
  }

  public Set<NotificationStatus> from() {
    return from;
  }

  public NotificationStatus to() {
    return to;
  }

  /** @return the action named by the body's single key, or null when it names none */
  public static NotificationAction fromWire(String key) {
    for (NotificationAction a : values()) {
      if (a.wire.equals(key)) {
        return a;
      }
    }
    return null;
  }
}
