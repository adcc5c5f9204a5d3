package org.masakari.sim.keystone;

import java.time.Instant;
import java.util.List;

/**
 * An issued token. {@code project} is null for an unscoped token.
 */
public record Token(
    String id,
    Identity.User user,
    Identity.Project project,
    List<String> methods,
    String auditId,
    Instant issuedAt,
    Instant expiresAt) {

  public boolean isAdmin() {
    return project != null && user.roles().stream().anyMatch(r -> r.name().equals("admin"));
  }

  public List<Identity.Role> roles() {
    return project == null ? List.of() : user.roles();
  }
}
