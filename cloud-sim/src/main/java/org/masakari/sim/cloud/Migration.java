package org.masakari.sim.cloud;

import java.time.Instant;

/** An evacuation migration record; status accepted -> done -> completed, or error. */
public record Migration(
    int id,
    String uuid,
    String instanceUuid,
    String sourceCompute,
    String destCompute,
    String status,
    Instant createdAt,
    Instant updatedAt) {

  public static final String ACCEPTED = "accepted";
  public static final String DONE = "done";
  public static final String COMPLETED = "completed";
  public static final String ERROR = "error";
  public static final String FAILED = "failed";

  Migration with(String newStatus, String dest, Instant now) {
    return new Migration(id, uuid, instanceUuid, sourceCompute, dest, newStatus, createdAt, now);
  }
}
