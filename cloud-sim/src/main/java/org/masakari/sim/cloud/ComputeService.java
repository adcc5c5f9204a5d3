package org.masakari.sim.cloud;

import java.time.Duration;
import java.time.Instant;

/** One row of Nova's services table. Mutable; guarded by {@link CloudState}'s monitor. */
final class ComputeService {
  final int id;
  final String uuid;
  final String binary;
  final String host;
  final String zone;
  boolean disabled;
  String disabledReason;
  boolean forcedDown;
  /** Null while the service heartbeats; the moment it stopped otherwise. */
  Instant heartbeatStoppedAt;

  ComputeService(int id, String uuid, String binary, String host, String zone) {
    this.id = id;
    this.uuid = uuid;
    this.binary = binary;
    this.host = host;
    this.zone = zone;
  }

  /** Nova's DB servicegroup driver: forced down, or last heartbeat older than service_down_time. */
  boolean isUp(Instant now, CloudSettings settings) {
    if (forcedDown) {
      return false;
    }
    return heartbeatStoppedAt == null
        || Duration.between(heartbeatStoppedAt, now).compareTo(settings.serviceDownTime()) <= 0;
  }

  /** Last heartbeat: computed, because 1000 hosts need no 1000 timers to look alive. */
  Instant updatedAt(Instant now, CloudSettings settings) {
    if (heartbeatStoppedAt != null) {
      return heartbeatStoppedAt;
    }
    long interval = settings.reportInterval().toMillis();
    return Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % interval);
  }

  ServiceSnapshot snapshot(Instant now, CloudSettings settings) {
    return new ServiceSnapshot(
        id, uuid, binary, host, zone, disabled, disabledReason, forcedDown, isUp(now, settings), updatedAt(now, settings));
  }
}
