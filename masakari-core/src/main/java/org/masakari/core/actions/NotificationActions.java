package org.masakari.core.actions;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.OutboxEntry;
import org.masakari.core.events.StatusWebhooks;
import org.masakari.core.fault.Fault;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.core.queue.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Operators' actions on a notification (microversion 1.4, ours; upstream has no way to retry or cancel).
 * The status change is a compare-and-set in the database, so it cannot race an engine: a notification
 * an engine has claimed ({@code running}) is neither retried nor cancelled (409). A retry goes back on
 * the work queue through the outbox, like a new notification.
 */
public final class NotificationActions {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationActions.class);

  private final Tx tx;
  private final OutboxRelay relay;
  private final StatusWebhooks webhooks;

  public NotificationActions(Tx tx, OutboxRelay relay) {
    this(tx, relay, null);
  }

  /** @param webhooks where the status change is announced ({@code [webhooks]}), or null */
  public NotificationActions(Tx tx, OutboxRelay relay, StatusWebhooks webhooks) {
    this.tx = tx;
    this.relay = relay;
    this.webhooks = webhooks;
  }

  /**
   * @throws Fault 404 when no such notification, 409 when its status does not allow the action
   */
  public Notification apply(String notificationUuid, NotificationAction action) {
    String[] previous = new String[1];
    Notification n = tx.call(s -> {
      Notification e = s.createQuery("from Notification n where n.notificationUuid = :u and n.deleted = 0",
          Notification.class).setParameter("u", notificationUuid).getResultStream().findFirst()
          .orElseThrow(() -> Fault.notificationNotFound(notificationUuid));
      previous[0] = e.getStatus().wire();
      String from = action.from().stream().map(st -> "'" + st.wire() + "'").collect(Collectors.joining(", "));
      int changed = s.createNativeMutationQuery("UPDATE notifications SET status = :to, updated_at = :t"
              + " WHERE notification_uuid = :u AND status IN (" + from + ")")
          .setParameter("to", action.to().wire()).setParameter("t", Notification.nowSeconds())
          .setParameter("u", notificationUuid).executeUpdate();
      if (changed == 0) {
        throw Fault.conflict("Notification " + notificationUuid + " is in status " + e.getStatus().wire()
            + "; action " + action.wire() + " is only allowed in status "
            + action.from().stream().map(st -> st.wire()).collect(Collectors.joining(" or ")) + ".");
      }
      if (action == NotificationAction.RETRY) {
        s.createNativeMutationQuery("DELETE FROM notification_outbox WHERE notification_uuid = :u")
            .setParameter("u", notificationUuid).executeUpdate();
        s.persist(new OutboxEntry(notificationUuid, e.getSourceHostUuid(), e.getTypeWire(),
            LocalDateTime.now(ZoneOffset.UTC)));
      }
      s.refresh(e);
      return e;
    });
    LOG.info("[notification={}] [host={}] {} by operator: now {}", notificationUuid, n.getSourceHostUuid(),
        action.wire(), n.getStatus().wire());
    if (webhooks != null) {
      webhooks.statusChanged(n.getNotificationUuid(), n.getSourceHostUuid(), n.getTypeWire(), previous[0],
          n.getStatus().wire(), "operator " + action.wire());
    }
    if (action == NotificationAction.RETRY) {
      relay.publishCommitted(new WorkItem(n.getNotificationUuid(), n.getSourceHostUuid(), n.getTypeWire()));
    }
    return n;
  }
}
