package org.masakari.core.service;

import java.util.List;
import org.hibernate.Session;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Segment;
import org.masakari.core.domain.Uuids;
import org.masakari.core.events.Announced;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.fault.Fault;
import org.masakari.core.nova.ComputeServiceDirectory;
import org.masakari.core.repository.PageRequest;
import org.masakari.core.repository.PagedQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hosts of a segment. Names are unique among all live hosts and must be nova-compute hosts. */
public final class HostService {
  private static final Logger LOG = LoggerFactory.getLogger(HostService.class);
  private final Tx tx;
  private final ComputeServiceDirectory nova;
  private final ApiEvents events;

  public HostService(Tx tx, ComputeServiceDirectory nova) {
    this(tx, nova, ApiEvents.none());
  }

  public HostService(Tx tx, ComputeServiceDirectory nova, ApiEvents events) {
    this.tx = tx;
    this.nova = nova;
    this.events = events;
  }

  private Announced<Host> announced(String action) {
    // the host's segment is loaded with it (eager), so payloads can be built after the session closed
    return new Announced<>((phase, h, fault) -> events.host(action, phase, h, h.getSegment(), fault));
  }

  public List<Host> list(String segmentId, String name, String type, Boolean onMaintenance, Boolean reserved,
      PageRequest page) {
    return tx.read(s -> {
      Segment seg = SegmentService.find(s, segmentId);
      PagedQuery<Host> q = new PagedQuery<>(Host.class, Host.COLUMNS).fetchJoin("segment")
          .eq("failoverSegmentId", seg.getUuid());
      if (name != null) {
        q.eq("name", name); // upstream accepts and ignores this filter; we apply it
      }
      if (type != null) {
        q.eq("type", type);
      }
      if (onMaintenance != null) {
        q.eq("onMaintenance", onMaintenance);
      }
      if (reserved != null) {
        q.eq("reserved", reserved);
      }
      return q.list(s, page);
    });
  }

  public Host get(String segmentId, String hostId) {
    return tx.read(s -> find(s, segmentId, hostId));
  }

  static Host find(org.hibernate.SharedSessionContract s, String segmentId, String hostId) {
    String hostUuid = Uuids.canonical(hostId).orElseThrow(() -> Fault.hostNotFound(hostId));
    String segUuid = Uuids.canonical(segmentId).orElse(segmentId);
    return s.createQuery("from Host h join fetch h.segment where h.uuid = :h and h.failoverSegmentId = :s and h.deleted = 0", Host.class)
        .setParameter("h", hostUuid).setParameter("s", segUuid).getResultStream().findFirst()
        .orElseThrow(() -> Fault.hostNotFoundUnderSegment(hostId, segmentId));
  }

  public Host create(String segmentId, HostChanges c) {
    Segment seg = tx.call(s -> SegmentService.find(s, segmentId));
    requireComputeService(c.name());
    Announced<Host> event = announced("create");
    try {
      Host host = tx.call(s -> {
        Segment live = SegmentService.find(s, seg.getUuid());
        Host h = new Host();
        h.setName(c.name());
        h.setType(c.type());
        h.setControlAttributes(c.controlAttributes());
        h.setReserved(Boolean.TRUE.equals(c.reserved()));
        h.setOnMaintenance(Boolean.TRUE.equals(c.onMaintenance()));
        h.setSegment(live);
        event.start(h);
        requireNameFree(s, c.name(), null);
        h.setUuid(Uuids.random());
        h.markCreated();
        s.persist(h);
        NotificationService.guard(s, h.getUuid());
        return h;
      });
      event.end(host);
      LOG.info("[host={}] created name={} segment={}", host.getUuid(), host.getName(), seg.getUuid());
      return host;
    } catch (RuntimeException e) {
      throw event.failed(duplicateName(e, c.name()));
    }
  }

  public Host update(String segmentId, String hostId, HostChanges c) {
    Host current = tx.call(s -> {
      Host h = find(s, segmentId, hostId);
      requireNotUnderRecovery(s, h, "updated");
      return h;
    });
    if (c.name() != null && !c.name().equals(current.getName())) {
      requireComputeService(c.name());
    }
    Announced<Host> event = announced("update");
    try {
      Host host = tx.call(s -> {
        Host h = find(s, segmentId, hostId);
        requireNotUnderRecovery(s, h, "updated");
        event.start(h);
        if (c.name() != null && !c.name().equals(h.getName())) {
          requireNameFree(s, c.name(), h.getId());
          h.setName(c.name());
        }
        if (c.type() != null) {
          h.setType(c.type());
        }
        if (c.controlAttributes() != null) {
          h.setControlAttributes(c.controlAttributes());
        }
        if (c.reserved() != null) {
          h.setReserved(c.reserved());
        }
        if (c.onMaintenance() != null) {
          h.setOnMaintenance(c.onMaintenance());
        }
        h.markUpdated();
        return h;
      });
      event.end(host);
      LOG.info("[host={}] updated", host.getUuid());
      return host;
    } catch (RuntimeException e) {
      throw event.failed(duplicateName(e, c.name()));
    }
  }

  public void delete(String segmentId, String hostId) {
    Announced<Host> event = announced("delete");
    Host deleted;
    try {
      deleted = tx.call(s -> {
        Host h = find(s, segmentId, hostId);
        requireNotUnderRecovery(s, h, "deleted");
        event.start(h);
        h.softDelete();
        return h;
      });
    } catch (RuntimeException e) {
      throw event.failed(e);
    }
    event.end(deleted);
    LOG.info("[host={}] deleted", deleted.getUuid());
  }

  private static void requireNotUnderRecovery(Session s, Host h, String verb) {
    if (SegmentService.isUnderRecovery(s, h.getFailoverSegmentId())) {
      throw Fault.conflict("Host " + h.getUuid() + " can't be " + verb + " as it is in-use to process notifications.");
    }
  }

  private void requireComputeService(String name) {
    if (!nova.computeServiceExists(name)) {
      throw Fault.badRequest("Compute service with name " + name + " could not be found.");
    }
  }

  private static void requireNameFree(Session s, String name, Integer exceptId) {
    Long n = s.createQuery("select count(h) from Host h where h.name = :n and h.deleted = 0"
            + (exceptId == null ? "" : " and h.id <> :id"), Long.class)
        .setParameter("n", name)
        .setProperties(exceptId == null ? java.util.Map.of() : java.util.Map.of("id", exceptId))
        .getSingleResult();
    if (n > 0) {
      throw Fault.conflict("Host with name " + name + " already exists.");
    }
  }

  private static RuntimeException duplicateName(RuntimeException e, String name) {
    if (!(e instanceof Fault) && Tx.isDuplicateKey(e)) {
      return Fault.conflict("Host with name " + name + " already exists.");
    }
    return e;
  }
}
