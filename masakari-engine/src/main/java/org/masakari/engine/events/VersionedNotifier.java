package org.masakari.engine.events;

import org.masakari.core.domain.Notification;

/**
 * Versioned notifications of the engine (contract §6): {@code notification.process.start|end|error}.
 * Implementations never block or fail recovery.
 */
public interface VersionedNotifier extends AutoCloseable {
  /** @param phase start, end or error; @param fault the failure (error phase), else null */
  void processEvent(Notification n, String phase, String statusForPayload, Throwable fault);

  /**
   * A notification settled by the claim itself (no flow ran): upstream's start and end events, the end
   * carrying the stored status.
   */
  default void settled(Notification n, String previous, String status, String message) {
    processEvent(n, "start", previous, null);
    processEvent(n, "end", status, null);
  }

  /** A status change made outside a recovery (the expiry job); only webhooks report it, upstream has no event. */
  default void statusChanged(Notification n, String previous, String status, String message) {}

  @Override
  default void close() {}

  /** {@code [oslo_messaging_notifications] driver} unset or {@code noop}: nothing is emitted, as upstream. */
  static VersionedNotifier none() {
    return (n, phase, status, fault) -> { };
  }
}
