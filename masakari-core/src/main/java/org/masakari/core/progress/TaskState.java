package org.masakari.core.progress;

/** Task states as upstream shows them in {@code recovery_workflow_details} (taskflow atom states). */
public enum TaskState {
  PENDING, RUNNING, SUCCESS, FAILURE, REVERTED;
}
