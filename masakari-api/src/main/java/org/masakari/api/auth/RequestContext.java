package org.masakari.api.auth;

import java.util.List;
import java.util.Locale;

/**
 * Who is calling: built by noauth2 from headers, or by Keystone token validation. {@code isAdmin} is
 * the context_is_admin verdict (always true under noauth2, as upstream).
 */
public record RequestContext(String userId, String userName, String projectId, String projectName,
    List<String> roles, String systemScope, boolean isAdmin, String authToken) {

  /** Alertmanager authenticated by the configured bearer secret instead of a Keystone token. */
  public static RequestContext alertmanagerBearer() {
    return new RequestContext("alertmanager", "alertmanager", null, null, List.of(), null, false, null);
  }

  public boolean isAlertmanagerBearer() {
    return authToken == null && roles.isEmpty() && "alertmanager".equals(userId) && !isAdmin;
  }

  public boolean hasRole(String role) {
    String r = role.toLowerCase(Locale.ROOT);
    return roles.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(r));
  }

  public RequestContext withAdmin(boolean admin) {
    return new RequestContext(userId, userName, projectId, projectName, roles, systemScope, admin, authToken);
  }
}
