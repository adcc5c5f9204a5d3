package org.masakari.engine.processing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.queue.WorkItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims in the database, the only coordination between engines. A claim locks the host's row of
 * {@code engine_host_locks} and moves the notification {@code new|error → running} in the same
 * transaction, so exactly one engine wins a notification and one host runs one notification at a time.
 * Heartbeats keep a claim alive; a claim whose heartbeat is older than {@code claim_stale_after} belongs
 * to a dead engine and is taken over. Times are UTC from the engines' clocks (keep them NTP-synced; the
 * stale limit is far above normal skew).
 */
public final class ClaimStore {
  private static final Logger LOG = LoggerFactory.getLogger(ClaimStore.class);

  private final Tx tx;
  private final String engineId;
  private final Duration staleAfter;

  public ClaimStore(Tx tx, String engineId, Duration staleAfter) {
    this.tx = tx;
    this.engineId = engineId;
    this.staleAfter = staleAfter;
  }

  public String engineId() {
    return engineId;
  }

  public ClaimResult claim(WorkItem item) {
    ensureLockRow(item.sourceHostUuid());
    return tx.call(s -> {
      Object[] lock = (Object[]) s.createNativeQuery("SELECT notification_uuid, engine_id, heartbeat_at"
              + " FROM engine_host_locks WHERE host_uuid = :h FOR UPDATE", Object[].class)
          .setParameter("h", item.sourceHostUuid()).getSingleResult();
      String holder = (String) lock[0];
      boolean stale = holder != null && isStale(lock[2]);
      List<String> st = s.createNativeQuery("SELECT status FROM notifications WHERE notification_uuid = :u"
          + " FOR UPDATE", String.class).setParameter("u", item.notificationUuid()).getResultList();
      if (st.isEmpty()) {
        LOG.warn("[notification={}] not in the database; dropping the message", item.notificationUuid());
        return ClaimResult.NOTHING_TO_DO;
      }
      NotificationStatus status = NotificationStatus.fromWire(st.get(0));
      boolean mine = item.notificationUuid().equals(holder);
      if (status == NotificationStatus.NEW || status == NotificationStatus.ERROR) {
        if (holder != null && !mine && !stale) {
          return ClaimResult.HOST_BUSY;
        }
        setRunning(s, item.notificationUuid());
        take(s, item);
        return status == NotificationStatus.NEW ? ClaimResult.CLAIMED_NEW : ClaimResult.CLAIMED_RETRY;
      }
      if (status == NotificationStatus.RUNNING && (holder == null || (mine && stale))) {
        LOG.warn("[notification={}] [host={}] taking over from {} (no heartbeat since {})", item.notificationUuid(),
            item.sourceHostUuid(), lock[1], lock[2]);
        take(s, item);
        return ClaimResult.TAKEN_OVER;
      }
      if (mine && (stale || status != NotificationStatus.RUNNING)) {
        // a dead engine's claim on a notification that has ended meanwhile (expired): free the host
        release(s, item.sourceHostUuid(), item.notificationUuid());
      }
      return ClaimResult.NOTHING_TO_DO;
    });
  }

  private boolean isStale(Object heartbeat) {
    LocalDateTime hb = toLocal(heartbeat);
    return hb == null || hb.isBefore(now().minus(staleAfter));
  }

  private static LocalDateTime toLocal(Object o) {
    if (o instanceof LocalDateTime l) {
      return l;
    }
    if (o instanceof java.sql.Timestamp t) {
      return t.toLocalDateTime();
    }
    return null;
  }

  private void ensureLockRow(String hostUuid) {
    try {
      tx.run(s -> {
        Number n = (Number) s.createNativeQuery("SELECT COUNT(*) FROM engine_host_locks WHERE host_uuid = :h",
            Object.class).setParameter("h", hostUuid).getSingleResult();
        if (n.intValue() == 0) {
          s.createNativeMutationQuery("INSERT INTO engine_host_locks (host_uuid) VALUES (:h)")
              .setParameter("h", hostUuid).executeUpdate();
        }
      });
    } catch (RuntimeException e) {
      if (!Tx.isDuplicateKey(e)) {
        throw e;
      }
      // another engine inserted it at the same moment: that is all we wanted
    }
  }

  private static void setRunning(Session s, String uuid) {
    s.createNativeMutationQuery("UPDATE notifications SET status = 'running', updated_at = :t"
        + " WHERE notification_uuid = :u").setParameter("t", nowSeconds()).setParameter("u", uuid).executeUpdate();
  }

  private void take(Session s, WorkItem item) {
    LocalDateTime now = now();
    s.createNativeMutationQuery("UPDATE engine_host_locks SET notification_uuid = :u, engine_id = :e,"
            + " claimed_at = :t, heartbeat_at = :t WHERE host_uuid = :h")
        .setParameter("u", item.notificationUuid()).setParameter("e", engineId).setParameter("t", now)
        .setParameter("h", item.sourceHostUuid()).executeUpdate();
  }

  private static void release(Session s, String hostUuid, String notificationUuid) {
    s.createNativeMutationQuery("UPDATE engine_host_locks SET notification_uuid = NULL, engine_id = NULL,"
            + " claimed_at = NULL, heartbeat_at = NULL WHERE host_uuid = :h AND notification_uuid = :u")
        .setParameter("h", hostUuid).setParameter("u", notificationUuid).executeUpdate();
  }

  /**
   * Stores the outcome and frees the host — only while the claim is still ours; if a peer took it over
   * (we were presumed dead), the peer's outcome counts and ours is dropped.
   *
   * @return false when the claim was no longer ours
   */
  public boolean finish(WorkItem item, NotificationStatus status, String message) {
    return tx.call(s -> {
      List<String> owner = s.createNativeQuery("SELECT engine_id FROM engine_host_locks WHERE host_uuid = :h"
              + " AND notification_uuid = :u FOR UPDATE", String.class)
          .setParameter("h", item.sourceHostUuid()).setParameter("u", item.notificationUuid()).getResultList();
      if (owner.isEmpty() || !engineId.equals(owner.get(0))) {
        LOG.warn("[notification={}] claim lost to {}; outcome {} not stored", item.notificationUuid(),
            owner.isEmpty() ? "nobody" : owner.get(0), status.wire());
        return false;
      }
      s.createNativeMutationQuery("UPDATE notifications SET status = :st, message = COALESCE(:m, message),"
              + " updated_at = :t WHERE notification_uuid = :u AND status = 'running'")
          .setParameter("st", status.wire()).setParameter("m", message).setParameter("t", nowSeconds())
          .setParameter("u", item.notificationUuid()).executeUpdate();
      release(s, item.sourceHostUuid(), item.notificationUuid());
      return true;
    });
  }

  /** Keeps this engine's claims alive. */
  public void heartbeat(Collection<String> notificationUuids) {
    if (notificationUuids.isEmpty()) {
      return;
    }
    tx.run(s -> s.createNativeMutationQuery("UPDATE engine_host_locks SET heartbeat_at = :t WHERE engine_id = :e"
            + " AND notification_uuid IN (:u)")
        .setParameter("t", now()).setParameter("e", engineId).setParameterList("u", notificationUuids).executeUpdate());
  }

  /** Claims of dead engines: the notifications to resume. */
  public List<WorkItem> staleClaims(int limit) {
    return tx.call(s -> s.createNativeQuery("SELECT l.notification_uuid, l.host_uuid, n.type FROM engine_host_locks l"
            + " JOIN notifications n ON n.notification_uuid = l.notification_uuid"
            + " WHERE l.notification_uuid IS NOT NULL AND l.heartbeat_at < :t", Object[].class)
        .setParameter("t", now().minus(staleAfter)).setMaxResults(limit).getResultList().stream()
        .map(r -> new WorkItem((String) r[0], (String) r[1], (String) r[2])).toList());
  }

  /** Upstream's periodic pick-up: every {@code error}, and {@code new} older than {@code retryNewAfter}. */
  public List<WorkItem> unfinished(Duration retryNewAfter, int limit) {
    return tx.call(s -> s.createNativeQuery("SELECT notification_uuid, source_host_uuid, type FROM notifications"
            + " WHERE deleted = 0 AND (status = 'error' OR (status = 'new' AND created_at <= :t)) ORDER BY id",
            Object[].class)
        .setParameter("t", nowSeconds().minus(retryNewAfter)).setMaxResults(limit).getResultList().stream()
        .map(r -> new WorkItem((String) r[0], (String) r[1], (String) r[2])).toList());
  }

  /** Upstream's expiry: open notifications generated longer ago than {@code expiredAfter} become failed. */
  public int expire(Duration expiredAfter) {
    return tx.call(s -> s.createNativeMutationQuery("UPDATE notifications SET status = 'failed', updated_at = :now"
            + " WHERE deleted = 0 AND status IN ('new', 'running', 'error') AND generated_time < :t")
        .setParameter("now", nowSeconds()).setParameter("t", now().minus(expiredAfter)).executeUpdate());
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  private static LocalDateTime nowSeconds() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }
}
