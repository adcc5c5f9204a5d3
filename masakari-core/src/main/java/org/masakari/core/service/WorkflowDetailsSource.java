package org.masakari.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where {@code recovery_workflow_details} come from (microversion 1.1+). The engine records task
 * progress in the shared database; the API reads it from there instead of an RPC call to the engine.
 */
@FunctionalInterface
public interface WorkflowDetailsSource {
  /** The rendered detail objects for a notification, in task order; empty when no flow ran. */
  List<JsonNode> details(String notificationUuid);

  static WorkflowDetailsSource none() {
    return uuid -> List.of();
  }
}
