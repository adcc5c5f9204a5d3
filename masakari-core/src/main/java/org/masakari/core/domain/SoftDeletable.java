package org.masakari.core.domain;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Columns every upstream table shares. {@code deleted} is 0 for a live row and the row's own id once
 * soft-deleted, which is what lets unique (name, deleted) keys allow re-use of deleted names.
 * Times are naive UTC truncated to whole seconds, as upstream stores them.
 */
@MappedSuperclass
public abstract class SoftDeletable {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  protected Integer id;

  @Column(name = "created_at")
  protected LocalDateTime createdAt;

  @Column(name = "updated_at")
  protected LocalDateTime updatedAt;

  @Column(name = "deleted_at")
  protected LocalDateTime deletedAt;

  @Column(name = "deleted")
  protected Integer deleted = 0;

  public static LocalDateTime nowSeconds() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
  }

  public void markCreated() {
    createdAt = nowSeconds();
    deleted = 0;
  }

  public void markUpdated() {
    updatedAt = nowSeconds();
  }

  public void softDelete() {
    LocalDateTime now = nowSeconds();
    deletedAt = now;
    updatedAt = now;
    deleted = id;
  }

  /** The common columns of a row read without the ORM. */
  public void restore(Integer id, LocalDateTime createdAt, LocalDateTime updatedAt, LocalDateTime deletedAt,
      Integer deleted) {
    this.id = id;
    this.createdAt = createdAt;
    this.updatedAt = updatedAt;
    this.deletedAt = deletedAt;
    this.deleted = deleted;
  }

  /** The id the database generated, for rows written without the ORM. */
  public void assignId(int generated) {
    this.id = generated;
  }

  public Integer getId() {
    return id;
  }

  public LocalDateTime getCreatedAt() {
    return createdAt;
  }

  public LocalDateTime getUpdatedAt() {
    return updatedAt;
  }

  public LocalDateTime getDeletedAt() {
    return deletedAt;
  }

  public boolean isDeleted() {
    return deleted != null && deleted != 0;
  }
}
