package org.masakari.core.service;

import java.util.List;
import org.hibernate.Session;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Segment;
import org.masakari.core.domain.SoftDeletable;
import org.masakari.core.domain.Uuids;
import org.masakari.core.events.Announced;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.fault.Fault;
import org.masakari.core.repository.PageRequest;
import org.masakari.core.repository.PagedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failover segments: CRUD with upstream's conflict rules. Every method runs its own transaction. */
public final class SegmentService {
  private static final Logger LOG = LoggerFactory.getLogger(SegmentService.class);
  private final Tx tx;
  private final ApiEvents events;

  public SegmentService(Tx tx) {
    this(tx, ApiEvents.none());
  }

  public SegmentService(Tx tx, ApiEvents events) {
    this.tx = tx;
    this.events = events;
  }

  /** Filters: recovery_method, service_type (exact strings), enabled (already parsed). */
  public List<Segment> list(String recoveryMethod, String serviceType, Boolean enabled, PageRequest page) {
    // plain JDBC: the page is read straight into segments (no session, no hydration)
    return tx.jdbcRead(c -> {
      PagedQuery<Segment> q = new PagedQuery<>(Segment.class, Segment.COLUMNS);
      if (recoveryMethod != null) {
        q.eqEnum("recoveryMethod", recoveryMethod, org.masakari.core.domain.RecoveryMethod.WIRE);
      }
      if (serviceType != null) {
        q.eq("serviceType", serviceType);
      }
      if (enabled != null) {
        q.eq("enabled", enabled);
      }
      return q.listSql(c, page, "failover_segments", org.masakari.core.repository.SegmentRows.COLUMNS,
          org.masakari.core.repository.SegmentRows::read);
    });
  }

  public Segment get(String id) {
    return tx.read(s -> find(s, id));
  }

  static Segment find(org.hibernate.SharedSessionContract s, String id) {
    String uuid = Uuids.canonical(id).orElseThrow(() -> Fault.segmentNotFound(id));
    return s.createQuery("from Segment e where e.uuid = :u and e.deleted = 0", Segment.class)
        .setParameter("u", uuid).getResultStream().findFirst()
        .orElseThrow(() -> Fault.segmentNotFound(id));
  }

  public Segment create(SegmentChanges c) {
    Announced<Segment> event = new Announced<>((phase, seg, fault) -> events.segment("create", phase, seg, fault));
    try {
      Segment seg = tx.call(s -> {
        Segment e = new Segment();
        e.setName(c.name());
        e.setDescription(c.description());
        e.setRecoveryMethod(c.recoveryMethod());
        e.setServiceType(c.serviceType());
        e.setEnabled(c.enabled() == null || c.enabled());
        // upstream announces before the insert, so its start payload has no id or uuid yet
        event.start(e);
        requireNameFree(s, c.name(), null);
        e.setUuid(Uuids.random());
        e.markCreated();
        s.persist(e);
        return e;
      });
      event.end(seg);
      LOG.info("[segment={}] created name={} recovery_method={}", seg.getUuid(), seg.getName(),
          seg.getRecoveryMethodWire());
      return seg;
    } catch (RuntimeException e) {
      throw event.failed(duplicateName(e, c.name()));
    }
  }

  public Segment update(String id, SegmentChanges c) {
    Announced<Segment> event = new Announced<>((phase, seg, fault) -> events.segment("update", phase, seg, fault));
    try {
      Segment seg = tx.call(s -> {
        Segment e = find(s, id);
        if (isUnderRecovery(s, e.getUuid())) {
          throw Fault.conflict("Failover segment " + e.getUuid()
              + " can't be updated as it is in-use to process notifications.");
        }
        event.start(e);
        if (c.name() != null && !c.name().equals(e.getName())) {
          requireNameFree(s, c.name(), e.getId());
          e.setName(c.name());
        }
        if (c.descriptionSet()) {
          e.setDescription(c.description());
        }
        if (c.recoveryMethod() != null) {
          e.setRecoveryMethod(c.recoveryMethod());
        }
        if (c.serviceType() != null) {
          e.setServiceType(c.serviceType());
        }
        if (c.enabled() != null) {
          e.setEnabled(c.enabled());
        }
        e.markUpdated();
        return e;
      });
      event.end(seg);
      LOG.info("[segment={}] updated", seg.getUuid());
      return seg;
    } catch (RuntimeException e) {
      throw event.failed(duplicateName(e, c.name()));
    }
  }

  /** Soft-deletes the segment and all its live hosts; notifications and vmoves stay. */
  public void delete(String id) {
    Announced<Segment> event = new Announced<>((phase, seg, fault) -> events.segment("delete", phase, seg, fault));
    Segment deleted;
    try {
      deleted = tx.call(s -> {
        Segment e = find(s, id);
        if (isUnderRecovery(s, e.getUuid())) {
          throw Fault.conflict("Failover segment (" + e.getUuid()
              + ") can't be deleted as it is in-use to process notifications.");
        }
        event.start(e);
        List<Host> hosts = s.createQuery("from Host h where h.failoverSegmentId = :u and h.deleted = 0", Host.class)
            .setParameter("u", e.getUuid()).getResultList();
        for (Host h : hosts) {
          h.softDelete();
        }
        e.softDelete();
        return e;
      });
    } catch (RuntimeException e) {
      throw event.failed(e);
    }
    event.end(deleted);
    LOG.info("[segment={}] deleted with its hosts", deleted.getUuid());
  }

  private static void requireNameFree(Session s, String name, Integer exceptId) {
    Long n = s.createQuery("select count(e) from Segment e where e.name = :n and e.deleted = 0"
            + (exceptId == null ? "" : " and e.id <> :id"), Long.class)
        .setParameter("n", name)
        .setProperties(exceptId == null ? java.util.Map.of() : java.util.Map.of("id", exceptId))
        .getSingleResult();
    if (n > 0) {
      throw Fault.conflict("Failover segment with name " + name + " already exists.");
    }
  }

  /** A live notification new/running/error of one of the segment's live hosts exists. */
  public static boolean isUnderRecovery(Session s, String segmentUuid) {
    Long n = s.createQuery("select count(n) from Notification n where n.deleted = 0"
            + " and n.status in ('new', 'running', 'error') and n.sourceHostUuid in"
            + " (select h.uuid from Host h where h.deleted = 0 and h.failoverSegmentId = :u)", Long.class)
        .setParameter("u", segmentUuid).getSingleResult();
    return n > 0;
  }

  private static RuntimeException duplicateName(RuntimeException e, String name) {
    if (!(e instanceof Fault) && Tx.isDuplicateKey(e)) {
      return Fault.conflict("Failover segment with name " + name + " already exists.");
    }
    return e;
  }

  static java.time.LocalDateTime now() {
    return SoftDeletable.nowSeconds();
  }
}
