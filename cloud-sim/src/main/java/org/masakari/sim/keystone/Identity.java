package org.masakari.sim.keystone;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Users, projects and roles of the one domain {@code Default}. Immutable after construction. */
public final class Identity {
  public static final String DOMAIN_ID = "default";
  public static final String DOMAIN_NAME = "Default";
  /** Keystone's default implied roles after {@code keystone-manage bootstrap}. */
  private static final Map<String, List<String>> IMPLIED =
      Map.of("admin", List.of("member", "reader"), "member", List.of("reader"));

  /** A user as Keystone stores it. */
  public record User(String id, String name, String password, Project project, List<Role> roles) {}

  /** A project in domain Default. */
  public record Project(String id, String name) {}

  /** A role. */
  public record Role(String id, String name) {}

  private final Map<String, User> usersByName = new LinkedHashMap<>();
  private final Map<String, Project> projectsByName = new LinkedHashMap<>();

  public Identity(List<UserAccount> accounts) {
    for (UserAccount a : accounts) {
      Project p = projectsByName.computeIfAbsent(a.project(), n -> new Project(stableId("project", n), n));
      Set<String> names = new LinkedHashSet<>();
      for (String r : a.roles()) {
        names.add(r);
        names.addAll(IMPLIED.getOrDefault(r, List.of()));
      }
      List<Role> roles = new ArrayList<>();
      names.forEach(n -> roles.add(new Role(stableId("role", n), n)));
      usersByName.put(a.name(), new User(stableId("user", a.name()), a.name(), a.password(), p, List.copyOf(roles)));
    }
  }

  /** Ids are stable across restarts so an openrc or a seeded scenario stays valid. */
  static String stableId(String kind, String name) {
    return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
  }

  public Optional<User> userByName(String name) {
    return Optional.ofNullable(usersByName.get(name));
  }

  public Optional<User> userById(String id) {
    return usersByName.values().stream().filter(u -> u.id().equals(id)).findFirst();
  }

  public Optional<Project> projectByName(String name) {
    return Optional.ofNullable(projectsByName.get(name));
  }

  public Optional<Project> projectById(String id) {
    return projectsByName.values().stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public List<Project> projects() {
    return List.copyOf(projectsByName.values());
  }

  public List<User> users() {
    return List.copyOf(usersByName.values());
  }

  /** Domain given by id or (case-insensitive, as Keystone's SQL backend compares) by name. */
  public static boolean isDefaultDomain(String id, String name) {
    return (id != null && id.equals(DOMAIN_ID))
        || (name != null && name.toLowerCase(Locale.ROOT).equals(DOMAIN_NAME.toLowerCase(Locale.ROOT)));
  }
}
