package org.masakari.sim.cloud;

import java.time.Instant;
import java.util.List;

/** One instance action (os-instance-actions) with its events. */
public record InstanceAction(
    String action,
    String instanceUuid,
    String requestId,
    String userId,
    String projectId,
    Instant startTime,
    Instant updatedAt,
    String message,
    List<Event> events) {

  /** One event of an action, e.g. {@code compute_rebuild_instance} on the target host. */
  public record Event(String event, Instant startTime, Instant finishTime, String result, String host) {}

  InstanceAction withEvent(Event e, Instant now, String newMessage) {
    List<Event> all = new java.util.ArrayList<>(events);
    all.add(e);
    return new InstanceAction(action, instanceUuid, requestId, userId, projectId, startTime, now, newMessage, List.copyOf(all));
  }
}
