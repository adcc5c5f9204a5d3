package org.masakari.api.auth;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import java.util.Arrays;
import java.util.List;

/**
 * {@code auth_strategy = noauth2}: no token needed, identity from X-User-Id/X-Project-Id headers
 * (oslo.context's from_environ), and every request is admin — exactly as upstream.
 */
public final class NoAuth2Authenticator implements Authenticator {
  @Override
  public Future<RequestContext> authenticate(MultiMap h) {
    String user = first(h, "X-User-Id", "X-User");
    String project = first(h, "X-Project-Id", "X-Tenant-Id", "X-Tenant");
    String roles = first(h, "X-Roles", "X-Role");
    List<String> roleList = roles == null ? List.of("admin")
        : Arrays.stream(roles.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    return Future.succeededFuture(new RequestContext(user == null ? "admin" : user, first(h, "X-User-Name"),
        project, first(h, "X-Project-Name", "X-Tenant-Name"), roleList, first(h, "OpenStack-System-Scope"),
        true, h.get("X-Auth-Token")));
  }

  static String first(MultiMap h, String... names) {
    for (String n : names) {
      String v = h.get(n);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }
}
