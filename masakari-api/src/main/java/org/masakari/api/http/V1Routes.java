package org.masakari.api.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The v1 route table, reproducing what the Python Routes mapper matches: every resource with and
 * without a {@code /{project_id}} prefix, the {@code .json} suffix, the generated new/edit/action
 * routes (which answer 405 when the controller lacks them) and plain 404 for anything else.
 */
public final class V1Routes {
  private static final Pattern PROJECT_ID = Pattern.compile("[0-9a-f\\-]+");
  private static final Set<String> TOP = Set.of("segments", "notifications", "extensions", "versions", "webhooks");

  private final Controller versions;
  private final Controller extensions;
  private final Controller segments;
  private final Controller hosts;
  private final Controller notifications;
  private final Controller vmoves;
  private final Controller webhooks;

  public V1Routes(Controller versions, Controller extensions, Controller segments, Controller hosts,
      Controller notifications, Controller vmoves, Controller webhooks) {
    this.versions = versions;
    this.extensions = extensions;
    this.segments = segments;
    this.hosts = hosts;
    this.notifications = notifications;
    this.vmoves = vmoves;
    this.webhooks = webhooks;
  }

  /** @param rest the path after "/v1", e.g. "" or "/" or "/segments/x.json" */
  public Optional<RouteMatch> match(String method, String rest) {
    List<String> segs = new ArrayList<>(List.of(rest.split("/", -1)));
    if (!segs.isEmpty() && segs.get(0).isEmpty()) {
      segs.remove(0);
    }
    if (segs.isEmpty() || (segs.size() == 1 && segs.get(0).isEmpty())) {
      return isGet(method) ? Optional.of(new RouteMatch("show", versions.action("show"), Map.of(), null))
          : Optional.empty();
    }
    String last = segs.get(segs.size() - 1);
    if (last.endsWith(".json") && last.length() > 5) {
      segs.set(segs.size() - 1, last.substring(0, last.length() - 5));
    }
    String project = null;
    if (segs.size() >= 2 && !TOP.contains(segs.get(0)) && PROJECT_ID.matcher(segs.get(0)).matches()) {
      project = segs.remove(0);
    }
    if (segs.stream().anyMatch(String::isEmpty)) {
      return Optional.empty();
    }
    Map<String, String> vars = new HashMap<>();
    String action = null;
    Controller c = null;
    String head = segs.get(0);
    int n = segs.size();
    switch (head) {
      case "webhooks" -> {
        // ours: POST /v1/webhooks/alertmanager (Alertmanager's webhook receiver)
        if (n == 2 && segs.get(1).equals("alertmanager") && method.equals("POST")
            && webhooks.action("alertmanager") != null) {
          c = webhooks;
          action = "alertmanager";
        }
      }
      case "versions" -> {
        c = versions;
        if (n == 1 && isGet(method)) {
          action = "index";
        } else if (n == 2 && isGet(method)) {
          action = "show";
          vars.put("id", segs.get(1));
        }
      }
      case "extensions" -> {
        c = extensions;
        action = member(method, segs, 0, vars, "id");
      }
      case "segments" -> {
        if (n <= 3 && !(n == 3 && segs.get(2).equals("hosts"))) {
          c = segments;
          action = member(method, segs, 0, vars, "id");
        } else if (segs.get(2).equals("hosts")) {
          c = hosts;
          vars.put("segment_id", segs.get(1));
          action = member(method, segs, 2, vars, "id");
        }
      }
      case "notifications" -> {
        if (n <= 3 && !(n == 3 && segs.get(2).equals("vmoves"))) {
          c = notifications;
          action = member(method, segs, 0, vars, "id");
        } else if (segs.get(2).equals("vmoves")) {
          c = vmoves;
          vars.put("notification_id", segs.get(1));
          action = member(method, segs, 2, vars, "id");
        }
      }
      default -> {
        return Optional.empty();
      }
    }
    if (c == null || action == null) {
      return Optional.empty();
    }
    return Optional.of(new RouteMatch(action, c.action(action), Map.copyOf(vars), project));
  }

  private static boolean isGet(String method) {
    return method.equals("GET") || method.equals("HEAD");
  }

  /** Routes' mapper.resource(): index/create, new, show/update/delete, edit, and the member action. */
  private static String member(String method, List<String> segs, int at, Map<String, String> vars, String idVar) {
    int n = segs.size() - at;
    if (n == 1) {
      return isGet(method) ? "index" : method.equals("POST") ? "create" : null;
    }
    String id = segs.get(at + 1);
    if (n == 2) {
      if (id.equals("new") && isGet(method)) {
        return "new";
      }
      vars.put(idVar, id);
      return switch (method) {
        case "GET", "HEAD" -> "show";
        case "PUT" -> "update";
        case "DELETE" -> "delete";
        default -> null;
      };
    }
    if (n == 3) {
      vars.put(idVar, id);
      String sub = segs.get(at + 2);
      if (sub.equals("edit") && isGet(method)) {
        return "edit";
      }
      if (sub.equals("action") && method.equals("POST")) {
        return "action";
      }
    }
    return null;
  }
}
