package org.masakari.engine.events;

import org.masakari.core.config.WebhookOptions;
import org.masakari.core.domain.Notification;
import org.masakari.core.events.StatusWebhooks;

/**
 * The engine's status changes as outbound webhooks ({@link StatusWebhooks}): the claim ({@code → running}),
 * the outcome ({@code running →}) and the expiry job's {@code → failed}.
 */
public final class WebhookNotifier implements VersionedNotifier {
  public static final String SIGNATURE_HEADER = StatusWebhooks.SIGNATURE_HEADER;

  private final StatusWebhooks hooks;

  public WebhookNotifier(WebhookOptions options) {
    this.hooks = new StatusWebhooks(options);
  }

  @Override
  public void processEvent(Notification n, String phase, String statusForPayload, Throwable fault) {
    boolean start = "start".equals(phase);
    hooks.statusChanged(n.getNotificationUuid(), n.getSourceHostUuid(), n.getTypeWire(),
        start ? statusForPayload : "running", start ? "running" : statusForPayload,
        fault == null ? null : fault.getMessage());
  }

  /** One change, as stored: the notification was never running. */
  @Override
  public void settled(Notification n, String previous, String status, String message) {
    statusChanged(n, previous, status, message);
  }

  @Override
  public void statusChanged(Notification n, String previous, String status, String message) {
    hooks.statusChanged(n.getNotificationUuid(), n.getSourceHostUuid(), n.getTypeWire(), previous, status, message);
  }

  public int pending() {
    return hooks.pending();
  }

  @Override
  public void close() {
    hooks.close();
  }
}
