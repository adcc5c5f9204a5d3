package org.masakari.core.events;

import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.Segment;

/**
 * The API's versioned notifications (contract §6): {@code segment|host.create|update|delete} and
 * {@code notification.create}, each {@code start} before the database change, {@code end} after it is
 * committed, {@code error} when it failed. Rejections before the change (validation, policy, "in use",
 * maintenance, duplicates) emit nothing, as upstream. Implementations never block or fail a request.
 */
public interface ApiEvents {
  enum Phase {
    START, END, ERROR;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** @param action create, update or delete */
  void segment(String action, Phase phase, Segment segment, Throwable fault);

  void host(String action, Phase phase, Host host, Segment segment, Throwable fault);

  void notification(String action, Phase phase, Notification notification, Throwable fault);

  /** {@code [oslo_messaging_notifications] driver} unset or {@code noop}: nothing, upstream's default. */
  static ApiEvents none() {
    return new ApiEvents() {
      @Override
      public void segment(String action, Phase phase, Segment segment, Throwable fault) {}

      @Override
      public void host(String action, Phase phase, Host host, Segment segment, Throwable fault) {}

      @Override
      public void notification(String action, Phase phase, Notification notification, Throwable fault) {}
    };
  }

  /** On the message bus through {@code publisher} ({@code publisher_id masakari-api:<host>}). */
  static ApiEvents bus(OsloPublisher publisher) {
    return new ApiEvents() {
      @Override
      public void segment(String action, Phase phase, Segment segment, Throwable fault) {
        publisher.publish(VersionedPayloads.message("segment." + action + "." + phase.wire(), phase == Phase.ERROR,
            VersionedPayloads.segment(segment, fault)));
      }

      @Override
      public void host(String action, Phase phase, Host host, Segment segment, Throwable fault) {
        publisher.publish(VersionedPayloads.message("host." + action + "." + phase.wire(), phase == Phase.ERROR,
            VersionedPayloads.host(host, segment, fault)));
      }

      @Override
      public void notification(String action, Phase phase, Notification n, Throwable fault) {
        publisher.publish(VersionedPayloads.message("notification." + action + "." + phase.wire(),
            phase == Phase.ERROR, VersionedPayloads.notification(n, n.getStatus().wire(), fault)));
      }
    };
  }
}
