package org.masakari.engine.tasks;

/** Where a task reports what it is doing; recorded for {@code recovery_workflow_details} and logged. */
@FunctionalInterface
public interface Progress {
  /** @param progress 0.0–1.0 */
  void update(String message, double progress);
}
