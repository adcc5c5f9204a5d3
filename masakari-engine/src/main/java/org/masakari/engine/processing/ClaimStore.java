package org.masakari.engine.processing;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.masakari.core.domain.Notification;
import java.util.Optional;
import org.masakari.core.domain.Host;
import org.masakari.core.repository.HostRows;
import org.masakari.core.repository.NotificationRows;
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
  /** Hosts whose claim row is known to exist (rows are never deleted): no existence check per claim. */
  private final Set<String> knownLockRows = ConcurrentHashMap.newKeySet();

  public ClaimStore(Tx tx, String engineId, Duration staleAfter) {
    this.tx = tx;
    this.engineId = engineId;
    this.staleAfter = staleAfter;
  }

  public String engineId() {
    return engineId;
  }

  public ClaimResult claim(WorkItem item) {
    return claimAndLoad(item, Decider.NEVER).result();
  }

  /** Settles a notification from its content alone when it can (see NotificationDispatcher.decide). */
  @FunctionalInterface
  public interface Decider {
    Decider NEVER = (n, host, firstAttempt) -> Optional.empty();

    Optional<Outcome> decide(Notification n, Optional<Host> host, boolean firstAttempt);
  }

  /**
   * What a claim found, the notification as it was read under the claim's lock (null if gone) and, when the
   * notification is now ours, its source host with the segment (empty when the host is gone).
   */
  public record Claim(ClaimResult result, Notification notification, Optional<Host> host, Outcome decided) {
    Claim(ClaimResult result, Notification notification) {
      this(result, notification, Optional.empty(), null);
    }

    Claim(ClaimResult result, Notification notification, Optional<Host> host) {
      this(result, notification, host, null);
    }
  }

  /**
   * One transaction on plain JDBC: lock the host's claim row, lock and read the notification, decide, and
   * move it to running. The notification read here serves the whole processing (no second load).
   */
  public Claim claimAndLoad(WorkItem item, Decider decider) {
    if (!knownLockRows.contains(item.sourceHostUuid())) {
      ensureLockRow(item.sourceHostUuid());
      knownLockRows.add(item.sourceHostUuid());
    }
    Claim c = tx.jdbc(conn -> claim(conn, item, decider));
    if (c == null) {
      // the host's claim row vanished (tables emptied under a running engine): create it again, once
      knownLockRows.remove(item.sourceHostUuid());
      ensureLockRow(item.sourceHostUuid());
      knownLockRows.add(item.sourceHostUuid());
      c = tx.jdbc(conn -> claim(conn, item, decider));
    }
    return c == null ? new Claim(ClaimResult.NOTHING_TO_DO, null) : c;
  }

  /**
   * The host's claim row and the notification, both locked, in one round trip (an inner join: H2 does not
   * lock the inner side of an outer join). No row means one of the two is missing; which one is asked
   * separately, as that is rare.
   */
  private static final String LOCK_AND_NOTIFICATION = "SELECT l.notification_uuid, l.engine_id, l.heartbeat_at, "
      + NotificationRows.columns("n") + " FROM engine_host_locks l JOIN notifications n ON n.notification_uuid = ?"
      + " WHERE l.host_uuid = ? FOR UPDATE";

  private Claim claim(Connection c, WorkItem item, Decider decider) throws SQLException {
    String holder = null;
    String holderEngine = null;
    Object heartbeat = null;
    Notification n = null;
    try (PreparedStatement p = c.prepareStatement(LOCK_AND_NOTIFICATION)) {
      p.setString(1, item.notificationUuid());
      p.setString(2, item.sourceHostUuid());
      try (ResultSet r = p.executeQuery()) {
        if (r.next()) {
          holder = r.getString(1);
          holderEngine = r.getString(2);
          heartbeat = r.getObject(3, LocalDateTime.class);
          n = NotificationRows.read(r, 4);
        }
      }
    }
    if (n == null) {
      if (!lockRowExists(c, item.sourceHostUuid())) {
        return null;
      }
      LOG.warn("[notification={}] not in the database; dropping the message", item.notificationUuid());
      return new Claim(ClaimResult.NOTHING_TO_DO, null);
    }
    boolean stale = holder != null && isStale(heartbeat);
    NotificationStatus status = n.getStatus();
    boolean mine = item.notificationUuid().equals(holder);
    if (status == NotificationStatus.NEW || status == NotificationStatus.ERROR) {
      if (holder != null && !mine && !stale) {
        return new Claim(ClaimResult.HOST_BUSY, n);
      }
      Optional<Host> host = HostRows.byUuid(c, n.getSourceHostUuid());
      Optional<Outcome> decided = decider.decide(n, host, status == NotificationStatus.NEW);
      if (decided.isPresent()) {
        // settled by its content: the outcome is stored now, the host is never held, and no second
        // transaction is needed (the notification is never seen "running")
        update(c, "UPDATE notifications SET status = ?, message = COALESCE(?, message), updated_at = ?"
            + " WHERE notification_uuid = ?", decided.get().status().wire(), decided.get().message(), nowSeconds(),
            item.notificationUuid());
        if (mine) {
          release(c, item.sourceHostUuid(), item.notificationUuid());
        }
        return new Claim(ClaimResult.DECIDED, n, host, decided.get());
      }
      update(c, "UPDATE notifications SET status = 'running', updated_at = ? WHERE notification_uuid = ?",
          nowSeconds(), item.notificationUuid());
      take(c, item);
      return new Claim(status == NotificationStatus.NEW ? ClaimResult.CLAIMED_NEW : ClaimResult.CLAIMED_RETRY, n,
          host);
    }
    if (status == NotificationStatus.RUNNING && (holder == null || (mine && stale))) {
      LOG.warn("[notification={}] [host={}] taking over from {} (no heartbeat since {})", item.notificationUuid(),
          item.sourceHostUuid(), holderEngine, heartbeat);
      take(c, item);
      return new Claim(ClaimResult.TAKEN_OVER, n, HostRows.byUuid(c, n.getSourceHostUuid()));
    }
    if (mine && (stale || status != NotificationStatus.RUNNING)) {
      // a dead engine's claim on a notification that has ended meanwhile (expired): free the host
      release(c, item.sourceHostUuid(), item.notificationUuid());
    }
    return new Claim(ClaimResult.NOTHING_TO_DO, n);
  }

  private static boolean lockRowExists(Connection c, String hostUuid) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM engine_host_locks WHERE host_uuid = ? FOR UPDATE")) {
      p.setString(1, hostUuid);
      try (ResultSet r = p.executeQuery()) {
        return r.next();
      }
    }
  }

  private static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        p.setObject(i + 1, params[i]);
      }
      return p.executeUpdate();
    }
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

  private void take(Connection c, WorkItem item) throws SQLException {
    LocalDateTime now = now();
    update(c, "UPDATE engine_host_locks SET notification_uuid = ?, engine_id = ?, claimed_at = ?, heartbeat_at = ?"
        + " WHERE host_uuid = ?", item.notificationUuid(), engineId, now, now, item.sourceHostUuid());
  }

  private static void release(Connection c, String hostUuid, String notificationUuid) throws SQLException {
    update(c, "UPDATE engine_host_locks SET notification_uuid = NULL, engine_id = NULL, claimed_at = NULL,"
        + " heartbeat_at = NULL WHERE host_uuid = ? AND notification_uuid = ?", hostUuid, notificationUuid);
  }

  /**
   * Stores the outcome and frees the host — only while the claim is still ours; if a peer took it over
   * (we were presumed dead), the peer's outcome counts and ours is dropped.
   *
   * @return false when the claim was no longer ours
   */
  public boolean finish(WorkItem item, NotificationStatus status, String message) {
    return tx.jdbc(c -> {
      String owner = null;
      boolean found = false;
      try (PreparedStatement p = c.prepareStatement("SELECT engine_id FROM engine_host_locks WHERE host_uuid = ?"
          + " AND notification_uuid = ? FOR UPDATE")) {
        p.setString(1, item.sourceHostUuid());
        p.setString(2, item.notificationUuid());
        try (ResultSet r = p.executeQuery()) {
          if (r.next()) {
            found = true;
            owner = r.getString(1);
          }
        }
      }
      if (!found || !engineId.equals(owner)) {
        LOG.warn("[notification={}] claim lost to {}; outcome {} not stored", item.notificationUuid(),
            found ? owner : "nobody", status.wire());
        return false;
      }
      update(c, "UPDATE notifications SET status = ?, message = COALESCE(?, message), updated_at = ?"
          + " WHERE notification_uuid = ? AND status = 'running'", status.wire(), message, nowSeconds(),
          item.notificationUuid());
      release(c, item.sourceHostUuid(), item.notificationUuid());
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
  public List<Expired> expire(Duration expiredAfter) {
    return tx.call(s -> {
      LocalDateTime before = now().minus(expiredAfter);
      // read, then change exactly those rows still open: their previous status goes to the webhooks
      List<Notification> open = s.createQuery("from Notification n where n.deleted = 0"
              + " and n.status in ('new', 'running', 'error') and n.generatedTime < :t", Notification.class)
          .setParameter("t", before).getResultList();
      List<Expired> expired = new java.util.ArrayList<>();
      for (Notification n : open) {
        String previous = n.getStatus().wire();
        int changed = s.createNativeMutationQuery("UPDATE notifications SET status = 'failed', updated_at = :now"
                + " WHERE notification_uuid = :u AND status IN ('new', 'running', 'error')")
            .setParameter("now", nowSeconds()).setParameter("u", n.getNotificationUuid()).executeUpdate();
        if (changed == 1) {
          expired.add(new Expired(n, previous));
        }
      }
      return expired;
    });
  }

  /** A notification the expiry job failed, with the status it had. */
  public record Expired(Notification notification, String previousStatus) {}


  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }

  private static LocalDateTime nowSeconds() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }
}
