package org.masakari.core.progress;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One task of one flow run of a notification, with its accumulated progress details (a JSON array of
 * {@code {"timestamp","message","progress"}} exactly as the API renders them).
 */
@Entity
@Table(name = "recovery_task_progress")
public class TaskProgress {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "notification_uuid", nullable = false, length = 36)
  private String notificationUuid;

  @Column(name = "run_no", nullable = false)
  private int runNo;

  @Column(name = "task_order", nullable = false)
  private int taskOrder;

  @Column(name = "task_name", nullable = false)
  private String taskName;

  @Column(name = "state", nullable = false, length = 32)
  private String state;

  @Column(name = "progress", nullable = false)
  private double progress;

  @Column(name = "details")
  private String details;

  @Column(name = "updated_at")
  private LocalDateTime updatedAt;

  protected TaskProgress() {}

  public TaskProgress(String notificationUuid, int runNo, int taskOrder, String taskName) {
    this.notificationUuid = notificationUuid;
    this.runNo = runNo;
    this.taskOrder = taskOrder;
    this.taskName = taskName;
    this.state = TaskState.PENDING.name();
    this.details = "[]";
  }

  public String getNotificationUuid() {
    return notificationUuid;
  }

  public int getRunNo() {
    return runNo;
  }

  public int getTaskOrder() {
    return taskOrder;
  }

  public String getTaskName() {
    return taskName;
  }

  public TaskState getState() {
    return TaskState.valueOf(state);
  }

  public void setState(TaskState state) {
    this.state = state.name();
  }

  public double getProgress() {
    return progress;
  }

  public void setProgress(double progress) {
    this.progress = progress;
  }

  public String getDetails() {
    return details;
  }

  public void setDetails(String details) {
    this.details = details;
  }

  public void setUpdatedAt(LocalDateTime updatedAt) {
    this.updatedAt = updatedAt;
  }
}
