package org.masakari.sim.keystone;

import java.util.List;

/**
 * A Keystone user with a role on one project in domain {@code Default}.
 *
 * @param roles the assigned role; Keystone's implied roles (admin implies member implies reader)
 *     are added when a token is issued
 */
public record UserAccount(String name, String password, String project, List<String> roles) {
  public static final List<UserAccount> DEFAULTS =
      List.of(
          new UserAccount("admin", "admin", "admin", List.of("admin")),
          new UserAccount("demo", "demo", "demo", List.of("member")));

  public UserAccount {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("users.name must not be empty");
    }
    if (password == null) {
      throw new IllegalArgumentException("users.password must be given for user " + name);
    }
    if (project == null || project.isBlank()) {
      throw new IllegalArgumentException("users.project must be given for user " + name);
    }
    roles = List.copyOf(roles);
  }
}
