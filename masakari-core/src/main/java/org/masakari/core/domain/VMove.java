package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;

/** One instance moved (evacuated) by a host-failure recovery. */
@Entity
@Table(name = "vmoves")
public class VMove extends SoftDeletable {
  public static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("id", "id"), Map.entry("created_at", "createdAt"), Map.entry("updated_at", "updatedAt"),
      Map.entry("deleted_at", "deletedAt"), Map.entry("deleted", "deleted"), Map.entry("uuid", "uuid"),
      Map.entry("notification_uuid", "notificationUuid"), Map.entry("instance_uuid", "instanceUuid"),
      Map.entry("instance_name", "instanceName"), Map.entry("source_host", "sourceHost"),
      Map.entry("dest_host", "destHost"), Map.entry("start_time", "startTime"),
      Map.entry("end_time", "endTime"), Map.entry("type", "type"), Map.entry("status", "status"),
      Map.entry("message", "message"));

  @Column(name = "uuid", nullable = false, length = 36)
  private String uuid;

  @Column(name = "notification_uuid", nullable = false, length = 36)
  private String notificationUuid;

  @Column(name = "instance_uuid", nullable = false, length = 36)
  private String instanceUuid;

  @Column(name = "instance_name", nullable = false)
  private String instanceName;

  @Column(name = "source_host")
  private String sourceHost;

  @Column(name = "dest_host")
  private String destHost;

  @Column(name = "start_time")
  private LocalDateTime startTime;

  @Column(name = "end_time")
  private LocalDateTime endTime;

  @Column(name = "type", length = 36)
  private String type;

  @Column(name = "status")
  private String status;

  @Column(name = "message")
  private String message;

  public String getUuid() {
    return uuid;
  }

  public void setUuid(String uuid) {
    this.uuid = uuid;
  }

  public String getNotificationUuid() {
    return notificationUuid;
  }

  public void setNotificationUuid(String notificationUuid) {
    this.notificationUuid = notificationUuid;
  }

  public String getInstanceUuid() {
    return instanceUuid;
  }

  public void setInstanceUuid(String instanceUuid) {
    this.instanceUuid = instanceUuid;
  }

  public String getInstanceName() {
    return instanceName;
  }

  public void setInstanceName(String instanceName) {
    this.instanceName = instanceName;
  }

  public String getSourceHost() {
    return sourceHost;
  }

  public void setSourceHost(String sourceHost) {
    this.sourceHost = sourceHost;
  }

  public String getDestHost() {
    return destHost;
  }

  public void setDestHost(String destHost) {
    this.destHost = destHost;
  }

  public LocalDateTime getStartTime() {
    return startTime;
  }

  public void setStartTime(LocalDateTime startTime) {
    this.startTime = startTime;
  }

  public LocalDateTime getEndTime() {
    return endTime;
  }

  public void setEndTime(LocalDateTime endTime) {
    this.endTime = endTime;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
