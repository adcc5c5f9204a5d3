package org.masakari.engine.tasks;

import java.util.List;
import java.util.Optional;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;
import org.masakari.core.events.Announced;
import org.masakari.core.events.ApiEvents;

/**
 * The engine's changes to hosts: maintenance and reserved flags (contract §4.3), each announced as
 * {@code host.update.start|end} like the API's changes (upstream's engine sends them too).
 */
public final class HostStore {
  private final Tx tx;
  private final ApiEvents events;

  public HostStore(Tx tx) {
    this(tx, ApiEvents.none());
  }

  public HostStore(Tx tx, ApiEvents events) {
    this.tx = tx;
    this.events = events;
  }

  private Announced<Host> announcedUpdate() {
    return new Announced<>((phase, h, fault) -> events.host("update", phase, h, h.getSegment(), fault));
  }

  private void update(String hostUuid, java.util.function.Consumer<Host> change) {
    Announced<Host> event = announcedUpdate();
    Host changed;
    try {
      changed = tx.call(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
          .setParameter("u", hostUuid).getResultStream().findFirst().map(h -> {
            event.start(h);
            change.accept(h);
            h.markUpdated();
            return h;
          }).orElse(null));
    } catch (RuntimeException e) {
      throw event.failed(e);
    }
    if (changed != null) {
      event.end(changed);
    }
  }

  public Optional<Host> byUuid(String uuid) {
    return tx.call(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
        .setParameter("u", uuid).getResultStream().findFirst());
  }

  /** A failed host goes on maintenance and stops being a reserved host. */
  public void markFailed(String hostUuid) {
    update(hostUuid, h -> {
      h.setOnMaintenance(true);
      h.setReserved(false);
    });
  }

  /** Ours ({@code [host_failure] auto_recover_host}): the host is back, maintenance ends. */
  public void clearMaintenance(String hostUuid) {
    update(hostUuid, h -> h.setOnMaintenance(false));
  }

  public void setMaintenance(String hostUuid) {
    update(hostUuid, h -> h.setOnMaintenance(true));
  }

  /** Names of the segment's usable reserved hosts, newest first as upstream lists them. */
  public List<String> reservedHostNames(String segmentUuid) {
    return tx.call(s -> s.createQuery("select h.name from Host h where h.failoverSegmentId = :seg and h.deleted = 0"
            + " and h.reserved = true and (h.onMaintenance = false or h.onMaintenance is null)"
            + " order by h.createdAt desc, h.id desc", String.class)
        .setParameter("seg", segmentUuid).getResultList());
  }

  /**
   * Takes a reserved host for this recovery: {@code reserved=true → false} in one statement, so of
   * several engines recovering hosts of the same segment only one gets each reserved host (upstream's
   * lock is process-local).
   *
   * @return false when another recovery took it first
   */
  public boolean takeReservedHost(String segmentUuid, String hostName) {
    Host taken = tx.call(s -> {
      int n = s.createMutationQuery("update Host h set h.reserved = false, h.updatedAt = :now"
              + " where h.name = :n and h.failoverSegmentId = :seg and h.deleted = 0 and h.reserved = true")
          .setParameter("now", org.masakari.core.domain.SoftDeletable.nowSeconds())
          .setParameter("n", hostName).setParameter("seg", segmentUuid).executeUpdate();
      return n != 1 ? null : s.createQuery("from Host h where h.name = :n and h.failoverSegmentId = :seg"
          + " and h.deleted = 0", Host.class).setParameter("n", hostName).setParameter("seg", segmentUuid)
          .getResultStream().findFirst().orElse(null);
    });
    if (taken == null) {
      return false;
    }
    // the one-statement take is the point; the events follow it rather than bracket it
    Announced<Host> event = announcedUpdate();
    event.start(taken);
    event.end(taken);
    return true;
  }
}
