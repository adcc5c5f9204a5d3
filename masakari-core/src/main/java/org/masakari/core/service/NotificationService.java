package org.masakari.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.OutboxEntry;
import org.masakari.core.domain.Uuids;
import org.masakari.core.domain.VMove;
import org.masakari.core.events.Announced;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.fault.Fault;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.core.queue.WorkItem;
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

  public Notification create(NewNotification n) {
    Announced<Notification> event = new Announced<>((phase, e, fault) -> events.notification("create", phase, e, fault));
    Notification created;
    try {
      created = tx.call(s -> {
        Host host = s.createQuery("from Host h where h.name = :n and h.deleted = 0", Host.class)
            .setParameter("n", n.hostname()).getResultStream().findFirst()
            .orElseThrow(() -> Fault.badRequest("Host with name " + n.hostname() + " could not be found."));
        guard(s, host.getUuid());
        // duplicate before maintenance (upstream checks maintenance first): a resent notification stays
        // "duplicate" however fast the engine already put its host on maintenance; both are 409
        if (isDuplicate(s, host.getUuid(), n)) {
          throw Fault.conflict("Notification received from host " + n.hostname() + " of type " + n.type().name()
              + " is duplicate.");
        }
        if (host.isOnMaintenance()) {
          throw Fault.conflict("Notification received from host " + n.hostname() + " of type '" + n.type().name()
              + "' is ignored as the host is already under maintenance.");
        }
        Notification e = new Notification();
        e.setGeneratedTime(n.generatedTime());
        e.setSourceHostUuid(host.getUuid());
        e.setType(n.type());
        e.setPayload(toJson(n.payload()));
        e.setStatus(NotificationStatus.NEW);
        e.setFailoverSegmentUuid(host.getFailoverSegmentId());
        // upstream announces before the insert: no id or notification_uuid in the start payload
        event.start(e);
        e.setNotificationUuid(Uuids.random());
        e.markCreated();
        s.persist(e);
        s.persist(new OutboxEntry(e.getNotificationUuid(), host.getUuid(), n.type().name(), LocalDateTime.now(java.time.ZoneOffset.UTC)));
        return e;
      });
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

  private boolean isDuplicate(Session s, String hostUuid, NewNotification n) {
    LocalDateTime since = n.generatedTime().minus(duplicateWindow);
    List<String> payloads = s.createQuery("select e.payload from Notification e where e.deleted = 0"
            + " and e.sourceHostUuid = :h and e.type = :t and e.generatedTime >= :g", String.class)
        .setParameter("h", hostUuid).setParameter("t", n.type().name()).setParameter("g", since)
        .getResultList();
    for (String p : payloads) {
      if (n.payload().equals(fromJson(p))) {
        return true;
      }
    }
    return false;
  }

  public List<Notification> list(String status, String sourceHostUuid, String type, LocalDateTime generatedSince,
      PageRequest page) {
    return tx.read(s -> {
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
      return q.list(s, page);
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
