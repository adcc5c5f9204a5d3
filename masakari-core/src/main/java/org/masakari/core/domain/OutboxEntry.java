package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A notification still to be handed to the work queue (transactional outbox). */
@Entity
@Table(name = "notification_outbox")
public class OutboxEntry {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "notification_uuid", nullable = false, length = 36)
  private String notificationUuid;

  @Column(name = "source_host_uuid", nullable = false, length = 36)
  private String sourceHostUuid;

  @Column(name = "type", nullable = false, length = 36)
  private String type;

  @Column(name = "created_at", nullable = false)
  private LocalDateTime createdAt;

  @Column(name = "attempts", nullable = false)
  private int attempts;

  @Column(name = "last_attempt_at")
  private LocalDateTime lastAttemptAt;

  protected OutboxEntry() {}

  public OutboxEntry(String notificationUuid, String sourceHostUuid, String type, LocalDateTime createdAt) {
    this.notificationUuid = notificationUuid;
    this.sourceHostUuid = sourceHostUuid;
    this.type = type;
    this.createdAt = createdAt;
  }

  public Long getId() {
    return id;
  }

  public String getNotificationUuid() {
    return notificationUuid;
  }

  public String getSourceHostUuid() {
    return sourceHostUuid;
  }

  public String getType() {
    return type;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public int getAttempts() {
    return attempts;
  }

  public void recordAttempt(LocalDateTime at) {
    attempts++;
    lastAttemptAt = at;
  }
}
