package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Map;

/** A compute host in a segment. Its name must be a nova-compute service host. */
@Entity
@Table(name = "hosts")
public class Host extends SoftDeletable {
  public static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("id", "id"), Map.entry("created_at", "createdAt"), Map.entry("updated_at", "updatedAt"),
      Map.entry("deleted_at", "deletedAt"), Map.entry("deleted", "deleted"), Map.entry("uuid", "uuid"),
      Map.entry("name", "name"), Map.entry("reserved", "reserved"), Map.entry("type", "type"),
      Map.entry("control_attributes", "controlAttributes"),
      Map.entry("failover_segment_id", "failoverSegmentId"), Map.entry("on_maintenance", "onMaintenance"));

  @Column(name = "uuid", nullable = false, length = 36)
  private String uuid;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "reserved")
  private Boolean reserved = Boolean.FALSE;

  @Column(name = "type", nullable = false)
  private String type;

  @Column(name = "control_attributes", nullable = false)
  private String controlAttributes;

  /** The segment's uuid (upstream's foreign key targets the uuid, not the integer id). */
  @Column(name = "failover_segment_id", nullable = false, length = 36)
  private String failoverSegmentId;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "failover_segment_id", referencedColumnName = "uuid", insertable = false, updatable = false)
  private Segment segment;

  @Column(name = "on_maintenance")
  private Boolean onMaintenance = Boolean.FALSE;

  public String getUuid() {
    return uuid;
  }

  public void setUuid(String uuid) {
    this.uuid = uuid;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isReserved() {
    return reserved != null && reserved;
  }

  public void setReserved(boolean reserved) {
    this.reserved = reserved;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getControlAttributes() {
    return controlAttributes;
  }

  public void setControlAttributes(String controlAttributes) {
    this.controlAttributes = controlAttributes;
  }

  public String getFailoverSegmentId() {
    return failoverSegmentId;
  }

  public Segment getSegment() {
    return segment;
  }

  /** The stored values as they are (rows read without the ORM); {@code segment} may be null. */
  public void restoreStored(String failoverSegmentId, Segment segment, Boolean reservedOrNull,
      Boolean onMaintenanceOrNull) {
    this.failoverSegmentId = failoverSegmentId;
    this.segment = segment;
    this.reserved = reservedOrNull;
    this.onMaintenance = onMaintenanceOrNull;
  }

  public void setSegment(Segment segment) {
    this.segment = segment;
    this.failoverSegmentId = segment.getUuid();
  }

  public boolean isOnMaintenance() {
    return onMaintenance != null && onMaintenance;
  }

  public void setOnMaintenance(boolean onMaintenance) {
    this.onMaintenance = onMaintenance;
  }
}
