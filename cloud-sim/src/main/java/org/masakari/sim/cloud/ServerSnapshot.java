package org.masakari.sim.cloud;

import java.time.Instant;
import java.util.Map;

/** A server as the API shows it at one instant. */
public record ServerSnapshot(
    String id,
    String name,
    String projectId,
    String userId,
    Instant createdAt,
    Instant updatedAt,
    Instant launchedAt,
    String host,
    VmState vmState,
    TaskState taskState,
    PowerState powerState,
    Map<String, String> metadata,
    boolean locked,
    String lockedReason,
    Flavor flavor,
    String imageRef,
    String keyName,
    String description,
    String reservationId,
    String instanceName,
    String hostStatus,
    String faultMessage,
    Instant faultAt) {

  public String status() {
    return ServerStatus.of(vmState, taskState);
  }
}
