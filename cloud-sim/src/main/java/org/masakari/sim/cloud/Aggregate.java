package org.masakari.sim.cloud;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A host aggregate. */
public record Aggregate(
    int id,
    String uuid,
    String name,
    String availabilityZone,
    List<String> hosts,
    Map<String, String> metadata,
    Instant createdAt,
    Instant updatedAt) {}
