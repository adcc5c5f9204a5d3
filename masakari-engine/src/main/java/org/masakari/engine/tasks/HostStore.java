package org.masakari.engine.tasks;

import java.util.List;
import java.util.Optional;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;

/** The engine's changes to hosts: maintenance and reserved flags (contract §4.3). */
public final class HostStore {
  private final Tx tx;

  public HostStore(Tx tx) {
    this.tx = tx;
  }

  public Optional<Host> byUuid(String uuid) {
    return tx.call(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
        .setParameter("u", uuid).getResultStream().findFirst());
  }

  /** A failed host goes on maintenance and stops being a reserved host. */
  public void markFailed(String hostUuid) {
    tx.run(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
        .setParameter("u", hostUuid).getResultStream().findFirst().ifPresent(h -> {
          h.setOnMaintenance(true);
          h.setReserved(false);
          h.markUpdated();
        }));
  }

  /** Ours ({@code [host_failure] auto_recover_host}): the host is back, maintenance ends. */
  public void clearMaintenance(String hostUuid) {
    tx.run(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
        .setParameter("u", hostUuid).getResultStream().findFirst().ifPresent(h -> {
          h.setOnMaintenance(false);
          h.markUpdated();
        }));
  }

  public void setMaintenance(String hostUuid) {
    tx.run(s -> s.createQuery("from Host h where h.uuid = :u and h.deleted = 0", Host.class)
        .setParameter("u", hostUuid).getResultStream().findFirst().ifPresent(h -> {
          h.setOnMaintenance(true);
          h.markUpdated();
        }));
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
    return tx.call(s -> s.createMutationQuery("update Host h set h.reserved = false, h.updatedAt = :now"
            + " where h.name = :n and h.failoverSegmentId = :seg and h.deleted = 0 and h.reserved = true")
        .setParameter("now", org.masakari.core.domain.SoftDeletable.nowSeconds())
        .setParameter("n", hostName).setParameter("seg", segmentUuid).executeUpdate()) == 1;
  }
}
