package org.masakari.sim.cloud;

/** Who is calling, as Nova's policy sees it (legacy defaults: admin, or owner of the project). */
public record Caller(String userId, String projectId, boolean admin) {}
