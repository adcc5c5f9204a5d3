package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.masakari.sim.cloud.Flavor;
import org.masakari.sim.web.Json;

/** Version documents (unauthenticated, as Nova's urlmap serves them) and flavors. */
final class DiscoveryHandler {
  private DiscoveryHandler() {}

  private static JsonObject v21(String base, boolean full) {
    JsonObject o = new JsonObject()
        .put("id", "v2.1")
        .put("status", "CURRENT")
        .put("version", Microversion.MAX.toString())
        .put("min_version", Microversion.MIN.toString())
        .put("updated", "2013-07-23T11:33:21Z");
    JsonArray links = new JsonArray().add(new JsonObject().put("rel", "self").put("href", base + "/v2.1/"));
    if (full) {
      links.add(new JsonObject().put("rel", "describedby").put("type", "text/html")
          .put("href", "http://docs.openstack.org/"));
      o.put("links", links).put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
          .put("type", "application/vnd.openstack.compute+json;version=2.1")));
    } else {
      o.put("links", links);
    }
    return o;
  }

  static void versions(RoutingContext ctx) {
    String base = Json.baseUrl(ctx);
    JsonObject v2 = new JsonObject().put("id", "v2.0").put("status", "SUPPORTED").put("version", "")
        .put("min_version", "").put("updated", "2011-01-21T11:33:21Z")
        .put("links", new JsonArray().add(new JsonObject().put("rel", "self").put("href", base + "/v2/")));
    Json.send(ctx, 200, new JsonObject().put("versions", new JsonArray().add(v2).add(v21(base, false))));
  }

  static void version(RoutingContext ctx) {
    Json.send(ctx, 200, new JsonObject().put("version", v21(Json.baseUrl(ctx), true)));
  }

  static void flavors(RoutingContext ctx) {
    flavorList(ctx, false);
  }

  static void flavorsDetail(RoutingContext ctx) {
    flavorList(ctx, true);
  }

  private static void flavorList(RoutingContext ctx, boolean detail) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonArray out = new JsonArray();
    Flavor.DEFAULTS.forEach(f -> out.add(view(f, req, detail)));
    Json.send(ctx, 200, new JsonObject().put("flavors", out));
  }

  static void flavor(RoutingContext ctx) {
    Flavor f = Flavor.byId(ctx.pathParam("id"));
    if (f == null) {
      throw new ApiFault(404, "Flavor " + ctx.pathParam("id") + " could not be found.");
    }
    Json.send(ctx, 200, new JsonObject().put("flavor", view(f, NovaRequest.of(ctx), true)));
  }

  private static JsonObject view(Flavor f, NovaRequest req, boolean detail) {
    JsonObject o = new JsonObject().put("id", f.id()).put("name", f.name())
        .put("links", ServerView.links(req.baseUrl(), "flavors", f.id()));
    if (req.version().atLeast(55)) {
      o.put("description", (String) null);
    }
    if (detail) {
      o.put("ram", f.ramMb()).put("disk", f.diskGb()).put("vcpus", f.vcpus())
          .put("OS-FLV-EXT-DATA:ephemeral", 0).put("OS-FLV-DISABLED:disabled", false)
          .put("swap", req.version().atLeast(75) ? (Object) 0 : "")
          .put("rxtx_factor", 1.0).put("os-flavor-access:is_public", true);
      if (req.version().atLeast(61)) {
        o.put("extra_specs", new JsonObject());
      }
    }
    return o;
  }
}
