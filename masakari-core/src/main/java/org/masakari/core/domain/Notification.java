package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Map;

/** A failure report from a monitor, and the state of its recovery. */
@Entity
@Table(name = "notifications")
public class Notification extends SoftDeletable {
  public static final Map<String, String> COLUMNS = Map.ofEntries(
      Map.entry("id", "id"), Map.entry("created_at", "createdAt"), Map.entry("updated_at", "updatedAt"),
      Map.entry("deleted_at", "deletedAt"), Map.entry("deleted", "deleted"),
      Map.entry("notification_uuid", "notificationUuid"), Map.entry("generated_time", "generatedTime"),
      Map.entry("source_host_uuid", "sourceHostUuid"), Map.entry("type", "type"),
      Map.entry("payload", "payload"), Map.entry("status", "status"),
      Map.entry("failover_segment_uuid", "failoverSegmentUuid"), Map.entry("message", "message"));

  @Column(name = "notification_uuid", nullable = false, length = 36)
  private String notificationUuid;

  @Column(name = "generated_time", nullable = false)
  private LocalDateTime generatedTime;

  @Column(name = "source_host_uuid", nullable = false, length = 36)
  private String sourceHostUuid;

  @Column(name = "type", nullable = false, length = 36)
  private String type;

  /** JSON object text, as upstream stores it. */
  @Column(name = "payload")
  private String payload;

  @Column(name = "status", nullable = false)
  private String status;

  @Column(name = "failover_segment_uuid", length = 36)
  private String failoverSegmentUuid;

  @Column(name = "message")
  private String message;

  public String getNotificationUuid() {
    return notificationUuid;
  }

  public void setNotificationUuid(String notificationUuid) {
    this.notificationUuid = notificationUuid;
  }

  public LocalDateTime getGeneratedTime() {
    return generatedTime;
  }

  public void setGeneratedTime(LocalDateTime generatedTime) {
    this.generatedTime = generatedTime;
  }

  public String getSourceHostUuid() {
    return sourceHostUuid;
  }

  public void setSourceHostUuid(String sourceHostUuid) {
    this.sourceHostUuid = sourceHostUuid;
  }

  public NotificationType getType() {
    return NotificationType.valueOf(type);
  }

  public String getTypeWire() {
    return type;
  }

  public void setType(NotificationType type) {
    this.type = type.name();
  }

  /** The stored type as is (rows read without the ORM). */
  public void setTypeWire(String type) {
    this.type = type;
  }

  public String getPayload() {
    return payload;
  }

  public void setPayload(String payload) {
    this.payload = payload;
  }

  public NotificationStatus getStatus() {
    return NotificationStatus.fromWire(status);
  }

  public void setStatus(NotificationStatus status) {
    this.status = status.wire();
  }

  public String getFailoverSegmentUuid() {
    return failoverSegmentUuid;
  }

  public void setFailoverSegmentUuid(String failoverSegmentUuid) {
    this.failoverSegmentUuid = failoverSegmentUuid;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
