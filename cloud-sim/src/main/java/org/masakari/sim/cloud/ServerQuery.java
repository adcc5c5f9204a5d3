package org.masakari.sim.cloud;

/**
 * Filters of {@code GET /servers[/detail]} the simulator honours.
 *
 * @param allTenants admin only: every project's servers instead of the caller's
 * @param host admin only: servers on this compute host
 * @param namePattern a regular expression searched in the name, as Nova does
 * @param status API status (ACTIVE, SHUTOFF, ...)
 * @param projectId admin with all_tenants: one project's servers
 * @param limit page size (already capped at osapi_max_limit)
 * @param marker id of the last server of the previous page
 * @param changesSince {@code changes-since}: only servers updated at or after it, or null
 */
public record ServerQuery(boolean allTenants, String host, String namePattern, String status, String projectId,
    int limit, String marker, java.time.Instant changesSince) {
  public ServerQuery(boolean allTenants, String host, String namePattern, String status, String projectId, int limit,
      String marker) {
    this(allTenants, host, namePattern, status, projectId, limit, marker, null);
  }
}
