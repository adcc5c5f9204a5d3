package org.masakari.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.masakari.api.http.Controller;
import org.masakari.api.http.Reply;
import org.masakari.api.policy.Policy;
import org.masakari.core.fault.Fault;

/** Legacy extension discovery (/extensions), sorted by alias, filtered by the discoverable rules. */
public final class ExtensionsController {
  private record Extension(String name, String alias, String description) {}

  private static final List<Extension> ALL = List.of(
      new Extension("Extensions", "extensions", "Extension information."),
      new Extension("Notifications", "notifications", "Notifications support."),
      new Extension("Hosts", "os-hosts", "Hosts controller"),
      new Extension("Segments", "segments", "Segments Extension."),
      new Extension("Versions", "versions", "API Version information."),
      new Extension("vmoves", "vmoves", "vmoves controller"));

  private ExtensionsController() {}

  private static ObjectNode view(Extension e) {
    ObjectNode o = Views.JSON.createObjectNode();
    o.put("name", e.name());
    o.put("alias", e.alias());
    o.put("description", e.description());
    o.put("namespace", "");
    o.put("updated", "");
    o.putArray("links");
    return o;
  }

  public static Controller create(Policy policy, String maxVersion) {
    // 14.x (max 1.2) had no vmoves extension; advertise it only with the 1.3 API
    List<Extension> all = maxVersion.compareTo("1.3") >= 0 ? ALL
        : ALL.stream().filter(e -> !e.alias().equals("vmoves")).toList();
    return new Controller("extensions", Map.of(
        "index", r -> {
          policy.authorize("os_masakari_api:extensions:index", r.context());
          ObjectNode body = Views.JSON.createObjectNode();
          ArrayNode a = body.putArray("extensions");
          all.stream().filter(e -> policy.allows("os_masakari_api:" + e.alias() + ":discoverable", r.context()))
              .map(ExtensionsController::view).forEach(a::add);
          return Future.succeededFuture(Reply.ok(body));
        },
        "show", r -> {
          policy.authorize("os_masakari_api:extensions:detail", r.context());
          return all.stream().filter(e -> e.alias().equals(r.path("id")))
              .filter(e -> policy.allows("os_masakari_api:" + e.alias() + ":discoverable", r.context()))
              .findFirst()
              .map(e -> Future.succeededFuture(Reply.ok(Views.wrap("extension", view(e)))))
              .orElseThrow(() -> Fault.notFound("The resource could not be found."));
        }));
  }
}
