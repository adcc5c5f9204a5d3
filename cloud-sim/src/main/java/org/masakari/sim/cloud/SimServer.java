package org.masakari.sim.cloud;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One instance. Mutable; guarded by {@link CloudState}'s monitor. */
final class SimServer {
  final String id;
  final long seq;
  final String name;
  final String projectId;
  final String userId;
  final Instant createdAt;
  final Flavor flavor;
  final String imageRef;
  final String keyName;
  final String description;
  final String reservationId;
  Instant updatedAt;
  Instant launchedAt;
  String host;
  VmState vmState = VmState.BUILDING;
  TaskState taskState = TaskState.SCHEDULING;
  PowerState powerState = PowerState.NOSTATE;
  final Map<String, String> metadata = new LinkedHashMap<>();
  boolean locked;
  String lockedReason;
  boolean lockedByAdmin;
  String faultMessage;
  Instant faultAt;

  SimServer(
      String id,
      long seq,
      String name,
      String projectId,
      String userId,
      Instant createdAt,
      Flavor flavor,
      String imageRef,
      String keyName,
      String description,
      String reservationId) {
    this.id = id;
    this.seq = seq;
    this.name = name;
    this.projectId = projectId;
    this.userId = userId;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
    this.flavor = flavor;
    this.imageRef = imageRef;
    this.keyName = keyName;
    this.description = description;
    this.reservationId = reservationId;
  }

  String instanceName() {
    return String.format("instance-%08x", seq);
  }

  ServerSnapshot snapshot(String hostStatus) {
    return new ServerSnapshot(
        id,
        name,
        projectId,
        userId,
        createdAt,
        updatedAt,
        launchedAt,
        host,
        vmState,
        taskState,
        powerState,
        java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata)),
        locked,
        lockedReason,
        flavor,
        imageRef,
        keyName,
        description,
        reservationId,
        instanceName(),
        hostStatus,
        faultMessage,
        faultAt);
  }
}
