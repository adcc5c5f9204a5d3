package org.masakari.sim.nova;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.masakari.sim.cloud.Flavor;
import org.masakari.sim.cloud.Page;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.cloud.ServerQuery;
import org.masakari.sim.cloud.ServerSnapshot;
import org.masakari.sim.cloud.ServerSpec;
import org.masakari.sim.web.Json;

/** {@code /servers}: list, detail, show, create, delete. */
final class ServersHandler {
  private static final Set<String> TRUE_WORDS = Set.of("", "1", "t", "true", "on", "y", "yes");
  private static final Set<String> FALSE_WORDS = Set.of("0", "f", "false", "off", "n", "no");

  private final ServerOperations servers;

  ServersHandler(ServerOperations servers) {
    this.servers = servers;
  }

  void list(RoutingContext ctx) {
    render(ctx, false);
  }

  void detail(RoutingContext ctx) {
    render(ctx, true);
  }

  private void render(RoutingContext ctx, boolean detail) {
    NovaRequest req = NovaRequest.of(ctx);
    MultiMap p = ctx.queryParams();
    ServerQuery q = new ServerQuery(allTenants(p.get("all_tenants")), p.get("host"), p.get("name"), p.get("status"),
        p.get("project_id") != null ? p.get("project_id") : p.get("tenant_id"), Pagination.limit(p), p.get("marker"),
        changesSince(p.get("changes-since")));
    if (q.allTenants() && !req.caller().admin()) {
      throw new org.masakari.sim.cloud.CloudException(org.masakari.sim.cloud.CloudException.Kind.FORBIDDEN,
          "Policy doesn't allow os_compute_api:servers:" + (detail ? "detail" : "index")
              + ":get_all_tenants to be performed.");
    }
    Page<ServerSnapshot> page = servers.list(req.caller(), q);
    JsonArray items = new JsonArray();
    for (ServerSnapshot s : page.items()) {
      items.add(detail ? ServerView.detail(s, req, false) : ServerView.summary(s, req.baseUrl()));
    }
    JsonObject body = new JsonObject().put("servers", items);
    if (page.full() && !page.items().isEmpty()) {
      String path = detail ? "/v2.1/servers/detail" : "/v2.1/servers";
      Pagination.addNextLink(body, "servers_links", req.baseUrl() + path, p,
          page.items().get(page.items().size() - 1).id());
    }
    Json.send(ctx, 200, body);
  }

  /** Nova's query schema: an ISO 8601 date-time; a zone-less value is UTC. */
  private static java.time.Instant changesSince(String raw) {
    if (raw == null) {
      return null;
    }
    try {
      return java.time.OffsetDateTime.parse(raw).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(raw).toInstant(java.time.ZoneOffset.UTC);
      } catch (java.time.format.DateTimeParseException e2) {
        throw org.masakari.sim.cloud.CloudException.badRequest("Invalid input for query parameters changes-since. Value: "
            + raw + ". '" + raw + "' is not a 'date-time'");
      }
    }
  }

  /** Nova: present and empty means true; otherwise oslo's strict boolean parsing. */
  private static boolean allTenants(String raw) {
    if (raw == null) {
      return false;
    }
    String v = raw.toLowerCase(Locale.ROOT);
    if (TRUE_WORDS.contains(v)) {
      return true;
    }
    if (FALSE_WORDS.contains(v)) {
      return false;
    }
    throw ApiFault.badRequest("Invalid input for field/attribute all_tenants. Value: " + raw + ".");
  }

  void show(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    ServerSnapshot s = servers.show(req.caller(), ctx.pathParam("id"));
    Json.send(ctx, 200, new JsonObject().put("server", ServerView.detail(s, req, true)));
  }

  void delete(RoutingContext ctx) {
    servers.delete(NovaRequest.of(ctx).caller(), ctx.pathParam("id"));
    Json.empty(ctx, 204);
  }

  void create(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonObject server = Schema.member(Schema.body(ctx), "server", false);
    String name = Schema.optionalString("server", server, "name", 255);
    if (name == null) {
      throw Schema.invalid("server", server, "'name' is a required property");
    }
    if (!server.containsKey("flavorRef")) {
      throw Schema.invalid("server", server, "'flavorRef' is a required property");
    }
    if (req.version().atLeast(37) && !server.containsKey("networks")) {
      throw Schema.invalid("server", server, "'networks' is a required property");
    }
    String flavorRef = String.valueOf(server.getValue("flavorRef"));
    Flavor flavor = Flavor.byId(flavorRef.substring(flavorRef.lastIndexOf('/') + 1));
    if (flavor == null) {
      throw ApiFault.badRequest("Flavor " + flavorRef + " could not be found.");
    }
    String forcedHost = null;
    String zone = server.getString("availability_zone");
    if (zone != null && zone.contains(":")) {
      // the admin's "nova:<host>" placement
      forcedHost = zone.substring(zone.indexOf(':') + 1);
    }
    if (req.version().atLeast(74) && server.getString("host") != null) {
      forcedHost = server.getString("host");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    server.getJsonObject("metadata", new JsonObject()).forEach(e -> metadata.put(e.getKey(), String.valueOf(e.getValue())));
    String image = server.getString("imageRef", "");
    ServerSnapshot s = servers.create(req.caller(), new ServerSpec(name, image.substring(image.lastIndexOf('/') + 1),
        flavor, forcedHost, metadata, server.getString("key_name"), server.getString("description")));
    JsonObject body = new JsonObject()
        .put("id", s.id())
        .put("links", ServerView.links(req.baseUrl(), "servers", s.id()))
        .put("OS-DCF:diskConfig", "MANUAL")
        .put("security_groups", new JsonArray().add(new JsonObject().put("name", "default")))
        .put("adminPass", UUID.randomUUID().toString().substring(0, 12));
    ctx.response().putHeader("Location", req.baseUrl() + "/v2.1/servers/" + s.id());
    Json.send(ctx, 202, new JsonObject().put("server", body));
  }
}
