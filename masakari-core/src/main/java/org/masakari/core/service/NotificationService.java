package org.masakari.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.Uuids;
import org.masakari.core.domain.VMove;
import org.masakari.core.events.Announced;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.fault.Fault;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.core.queue.WorkItem;
import org.masakari.core.repository.NotificationRows;
import org.masakari.core.repository.PageRequest;
import org.masakari.core.repository.PagedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Notifications and their vmoves. Create follows upstream's host/maintenance/duplicate rules. */
public final class NotificationService {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> STATUSES =
      java.util.Arrays.stream(NotificationStatus.values()).map(NotificationStatus::wire).toList();

  private final Tx tx;
  private final OutboxRelay relay;
  private final Duration duplicateWindow;

  private final ApiEvents events;

  public NotificationService(Tx tx, OutboxRelay relay, Duration duplicateWindow) {
    this(tx, relay, duplicateWindow, ApiEvents.none());
  }

  public NotificationService(Tx tx, OutboxRelay relay, Duration duplicateWindow, ApiEvents events) {
    this.tx = tx;
    this.relay = relay;
    this.duplicateWindow = duplicateWindow;
    this.events = events;
  }

  /**
   * One transaction on plain JDBC, four statements: guard row upsert (which also finds the host), host +
   * duplicate candidates in one SELECT, notification insert, outbox insert. The rules are upstream's:
   * unknown host → 400, duplicate → 409, host on maintenance → 409.
   */
  public Notification create(NewNotification n) {
    Announced<Notification> event = new Announced<>((phase, e, fault) -> events.notification("create", phase, e, fault));
    Notification created;
    try {
      created = tx.jdbc(c -> insert(c, n, event));
    } catch (RuntimeException e) {
      throw event.failed(e);
    }
    event.end(created);
    LOG.info("[notification={}] [host={}] created type={} payload={}", created.getNotificationUuid(),
        created.getSourceHostUuid(), created.getTypeWire(), created.getPayload());
    relay.publishCommitted(new WorkItem(created.getNotificationUuid(), created.getSourceHostUuid(),
        created.getTypeWire()));
    return created;
  }

  private static final String GUARD_BY_NAME = "INSERT INTO host_notification_guard (host_uuid, seq)"
      + " SELECT uuid, 1 FROM hosts WHERE name = ? AND deleted = 0 ON DUPLICATE KEY UPDATE seq = seq + 1";
  private static final String HOST_AND_CANDIDATES = "SELECT h.uuid, h.failover_segment_id, h.on_maintenance,"
      + " n.payload, n.id FROM hosts h LEFT JOIN notifications n ON n.source_host_uuid = h.uuid AND n.deleted = 0"
      + " AND n.type = ? AND n.generated_time >= ? WHERE h.name = ? AND h.deleted = 0";
  private static final String INSERT_NOTIFICATION = "INSERT INTO notifications (created_at, updated_at, deleted_at,"
      + " deleted, notification_uuid, generated_time, source_host_uuid, type, payload, status, failover_segment_uuid,"
      + " message) VALUES (?, NULL, NULL, 0, ?, ?, ?, ?, ?, ?, ?, NULL)";
  private static final String INSERT_OUTBOX = "INSERT INTO notification_outbox (notification_uuid, source_host_uuid,"
      + " type, created_at, attempts) VALUES (?, ?, ?, ?, 0)";

  private Notification insert(Connection c, NewNotification n, Announced<Notification> event) throws SQLException {
    // the guard write comes first: it holds the host's row lock until commit, so concurrent creates for one
    // host run the duplicate check one after another (and conflict in Galera certification)
    try (PreparedStatement g = c.prepareStatement(GUARD_BY_NAME)) {
      g.setString(1, n.hostname());
      if (g.executeUpdate() == 0) {
        throw Fault.badRequest("Host with name " + n.hostname() + " could not be found.");
      }
    }
    String hostUuid = null;
    String segmentUuid = null;
    boolean onMaintenance = false;
    boolean duplicate = false;
    try (PreparedStatement q = c.prepareStatement(HOST_AND_CANDIDATES)) {
      q.setString(1, n.type().name());
      q.setObject(2, n.generatedTime().minus(duplicateWindow));
      q.setString(3, n.hostname());
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          hostUuid = r.getString(1);
          segmentUuid = r.getString(2);
          onMaintenance = r.getBoolean(3);
          String payload = r.getString(4);
          // a candidate row exists when n.id is not null; its payload may be null
          if (!duplicate && r.getObject(5) != null && n.payload().equals(fromJson(payload))) {
            duplicate = true;
          }
        }
      }
    }
    if (hostUuid == null) {
      // deleted between the two statements
      throw Fault.badRequest("Host with name " + n.hostname() + " could not be found.");
    }
    // duplicate before maintenance (upstream checks maintenance first): a resent notification stays
    // "duplicate" however fast the engine already put its host on maintenance; both are 409
    if (duplicate) {
      throw Fault.conflict("Notification received from host " + n.hostname() + " of type " + n.type().name()
          + " is duplicate.");
    }
    if (onMaintenance) {
      throw Fault.conflict("Notification received from host " + n.hostname() + " of type '" + n.type().name()
          + "' is ignored as the host is already under maintenance.");
    }
    Notification e = new Notification();
    e.setGeneratedTime(n.generatedTime());
    e.setSourceHostUuid(hostUuid);
    e.setType(n.type());
    e.setPayload(toJson(n.payload()));
    e.setStatus(NotificationStatus.NEW);
    e.setFailoverSegmentUuid(segmentUuid);
    // upstream announces before the insert: no id or notification_uuid in the start payload
    event.start(e);
    e.setNotificationUuid(Uuids.random());
    e.markCreated();
    try (PreparedStatement i = c.prepareStatement(INSERT_NOTIFICATION, Statement.RETURN_GENERATED_KEYS)) {
      i.setObject(1, e.getCreatedAt());
      i.setString(2, e.getNotificationUuid());
      i.setObject(3, e.getGeneratedTime());
      i.setString(4, hostUuid);
      i.setString(5, e.getTypeWire());
      i.setString(6, e.getPayload());
      i.setString(7, NotificationStatus.NEW.wire());
      i.setString(8, segmentUuid);
      i.executeUpdate();
      try (ResultSet keys = i.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no generated id for notification " + e.getNotificationUuid());
        }
        e.assignId(keys.getInt(1));
      }
    }
    try (PreparedStatement o = c.prepareStatement(INSERT_OUTBOX)) {
      o.setString(1, e.getNotificationUuid());
      o.setString(2, hostUuid);
      o.setString(3, e.getTypeWire());
      o.setObject(4, LocalDateTime.now(java.time.ZoneOffset.UTC));
      o.executeUpdate();
    }
    return e;
  }

  /**
   * Writes the host's guard row. The write holds a row lock until commit (and conflicts in Galera
   * certification), so concurrent creates for one host run the duplicate check one after another.
   */
  static void guard(Session s, String hostUuid) {
    // an upsert: waits for a concurrent creator's row lock instead of failing on its uncommitted insert
    s.createNativeMutationQuery("insert into host_notification_guard (host_uuid, seq) values (:h, 1)"
            + " on duplicate key update seq = seq + 1")
        .setParameter("h", hostUuid).executeUpdate();
  }

  public List<Notification> list(String status, String sourceHostUuid, String type, LocalDateTime generatedSince,
      PageRequest page) {
    // plain JDBC: a page of up to 1 000 rows is read straight into notifications (no session, no hydration)
    return tx.jdbcRead(c -> {
      PagedQuery<Notification> q = new PagedQuery<>(Notification.class, Notification.COLUMNS);
      if (status != null) {
        q.eqEnum("status", status, STATUSES);
      }
      if (sourceHostUuid != null) {
        q.eq("sourceHostUuid", sourceHostUuid);
      }
      if (type != null) {
        q.eq("type", type);
      }
      if (generatedSince != null) {
        q.ge("generatedTime", generatedSince);
      }
      return q.listSql(c, page, "notifications", NotificationRows.COLUMNS, NotificationRows::read);
    });
  }

  public Notification get(String id) {
    return tx.read(s -> find(s, id));
  }

  static Notification find(org.hibernate.SharedSessionContract s, String id) {
    String uuid = Uuids.canonical(id).orElseThrow(() -> Fault.notificationNotFound(id));
    return s.createQuery("from Notification e where e.notificationUuid = :u and e.deleted = 0", Notification.class)
        .setParameter("u", uuid).getResultStream().findFirst()
        .orElseThrow(() -> Fault.notificationNotFound(id));
  }

  public List<VMove> listVMoves(String notificationId, String status, String type, PageRequest page) {
    return tx.read(s -> {
      Notification n = requireHostNotification(s, notificationId);
      PagedQuery<VMove> q = new PagedQuery<>(VMove.class, VMove.COLUMNS).eq("notificationUuid", n.getNotificationUuid());
      if (status != null) {
        q.eq("status", status);
      }
      if (type != null) {
        q.eq("type", type);
      }
      return q.list(s, page);
    });
  }

  public VMove getVMove(String notificationId, String vmoveId) {
    return tx.read(s -> {
      requireHostNotification(s, notificationId);
      String uuid = Uuids.canonical(vmoveId).orElseThrow(() -> Fault.vmoveNotFound(vmoveId));
      // upstream looks the vmove up by uuid only; we also require it to belong to the notification
      return s.createQuery("from VMove v where v.uuid = :u and v.notificationUuid = :n and v.deleted = 0", VMove.class)
          .setParameter("u", uuid).setParameter("n", Uuids.canonical(notificationId).orElse(notificationId))
          .getResultStream().findFirst().orElseThrow(() -> Fault.vmoveNotFound(vmoveId));
    });
  }

  private static Notification requireHostNotification(org.hibernate.SharedSessionContract s, String notificationId) {
    Notification n = find(s, notificationId);
    if (n.getType() != NotificationType.COMPUTE_HOST) {
      throw Fault.badRequest("This notification " + notificationId + " without vm moves.");
    }
    return n;
  }

  static String toJson(Map<String, String> payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> fromJson(String payload) {
    if (payload == null || payload.isBlank()) {
      return Map.of();
    }
    try {
      return JSON.readValue(payload, Map.class);
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
