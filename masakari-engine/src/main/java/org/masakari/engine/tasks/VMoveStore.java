package org.masakari.engine.tasks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.VMove;
import org.masakari.core.domain.Uuids;
import org.masakari.engine.nova.Server;

/**
 * The vmoves of a host-failure notification: one row per instance for the whole life of the
 * notification. Upstream adds a fresh set per attempt and judges an attempt by the failures of all
 * attempts (contract §5.3 quirk); here a retry resets the instance's failed row to pending and an
 * attempt is judged only by the rows it worked on.
 */
public final class VMoveStore {
  public static final String TYPE_EVACUATION = "evacuation";

  private final Tx tx;

  public VMoveStore(Tx tx) {
    this.tx = tx;
  }

  /**
   * Makes every listed instance actionable: a new row (pending) for an instance never seen, failed rows
   * back to pending; succeeded and ongoing rows stay as they are.
   */
  public void preparePending(String notificationUuid, String sourceHost, List<Server> servers) {
    tx.run(s -> {
      Map<String, VMove> existing = s.createQuery("from VMove v where v.notificationUuid = :u and v.deleted = 0",
              VMove.class).setParameter("u", notificationUuid).getResultList().stream()
          .collect(Collectors.toMap(VMove::getInstanceUuid, v -> v, (a, b) -> a));
      Map<String, Server> fresh = new java.util.LinkedHashMap<>();
      for (Server srv : servers) {
        VMove v = existing.get(srv.id());
        if (v == null) {
          fresh.putIfAbsent(srv.id(), srv);
        } else if (VMoveStatus.FAILED.wire().equals(v.getStatus())) {
          v.setStatus(VMoveStatus.PENDING.wire());
          v.setMessage(null);
          v.setDestHost(null);
          v.setStartTime(null);
          v.setEndTime(null);
          v.markUpdated();
        }
      }
      if (!fresh.isEmpty()) {
        // one JDBC batch: entity inserts with IDENTITY keys go one statement each, and a 1000-instance
        // host would wait seconds for its first evacuation
        s.doWork(c -> insertPending(c, notificationUuid, sourceHost, List.copyOf(fresh.values())));
      }
    });
  }

  private static void insertPending(Connection c, String notificationUuid, String sourceHost, List<Server> servers)
      throws SQLException {
    Timestamp created = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO vmoves (created_at, deleted, uuid, notification_uuid,"
        + " instance_uuid, instance_name, source_host, type, status) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (Server srv : servers) {
        // bound as Hibernate binds the entities' LocalDateTime under hibernate.jdbc.time_zone = UTC
        ps.setTimestamp(1, created, java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
        ps.setString(2, Uuids.random());
        ps.setString(3, notificationUuid);
        ps.setString(4, srv.id());
        ps.setString(5, srv.name() == null ? srv.id() : srv.name());
        ps.setString(6, sourceHost);
        ps.setString(7, TYPE_EVACUATION);
        ps.setString(8, VMoveStatus.PENDING.wire());
        ps.addBatch();
        if (++n % 500 == 0) {
          ps.executeBatch();
        }
      }
      ps.executeBatch();
    }
  }

  /** Rows still to evacuate or to confirm: pending, and ongoing ones a dead engine left behind. */
  public List<VMove> actionable(String notificationUuid) {
    return tx.call(s -> s.createQuery("from VMove v where v.notificationUuid = :u and v.deleted = 0"
            + " and v.status in ('pending', 'ongoing') order by v.id", VMove.class)
        .setParameter("u", notificationUuid).getResultList());
  }

  /** How many rows {@link #actionable} would return, without loading them. */
  public long countActionable(String notificationUuid) {
    return tx.call(s -> s.createQuery("select count(v) from VMove v where v.notificationUuid = :u and v.deleted = 0"
        + " and v.status in ('pending', 'ongoing')", Long.class).setParameter("u", notificationUuid).getSingleResult());
  }

  public List<VMove> all(String notificationUuid) {
    return tx.call(s -> s.createQuery("from VMove v where v.notificationUuid = :u and v.deleted = 0 order by v.id",
        VMove.class).setParameter("u", notificationUuid).getResultList());
  }

  public void markOngoing(String vmoveUuid) {
    update(vmoveUuid, v -> {
      v.setStatus(VMoveStatus.ONGOING.wire());
      v.setStartTime(now());
    });
  }

  public void markSucceeded(String vmoveUuid, String destHost) {
    update(vmoveUuid, v -> {
      v.setStatus(VMoveStatus.SUCCEEDED.wire());
      v.setDestHost(destHost);
      v.setMessage(null);
      v.setEndTime(now());
    });
  }

  public void markFailed(String vmoveUuid, String message) {
    update(vmoveUuid, v -> {
      v.setStatus(VMoveStatus.FAILED.wire());
      v.setMessage(message);
      v.setEndTime(now());
    });
  }

  private void update(String vmoveUuid, java.util.function.Consumer<VMove> change) {
    tx.run(s -> {
      VMove v = s.createQuery("from VMove v where v.uuid = :u", VMove.class).setParameter("u", vmoveUuid)
          .getSingleResult();
      change.accept(v);
      v.markUpdated();
    });
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
