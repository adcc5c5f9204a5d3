package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.masakari.sim.cloud.Aggregate;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.web.Json;
import org.masakari.sim.web.Times;

/** {@code /os-aggregates}: list, show, create, add_host and remove_host. */
final class AggregatesHandler {
  private final CloudState state;

  AggregatesHandler(CloudState state) {
    this.state = state;
  }

  void list(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonArray out = new JsonArray();
    state.aggregates(req.caller()).forEach(a -> out.add(view(a, req.version())));
    Json.send(ctx, 200, new JsonObject().put("aggregates", out));
  }

  void show(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    reply(ctx, state.aggregate(req.caller(), id(ctx)), req.version());
  }

  void create(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonObject a = Schema.member(Schema.body(ctx), "aggregate", false);
    Schema.onlyKeys("aggregate", a, Set.of("name", "availability_zone"));
    String name = Schema.optionalString("aggregate", a, "name", 255);
    if (name == null) {
      throw Schema.invalid("aggregate", a, "'name' is a required property");
    }
    String zone = a.getValue("availability_zone") == null ? null
        : Schema.optionalString("aggregate", a, "availability_zone", 255);
    // Nova drops hosts and metadata from the create answer "to maintain the same API result as before"
    JsonObject created = view(state.createAggregate(req.caller(), name, zone), req.version());
    created.remove("hosts");
    created.remove("metadata");
    Json.send(ctx, 200, new JsonObject().put("aggregate", created));
  }

  void action(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonObject body = Schema.body(ctx);
    int id = id(ctx);
    if (body.containsKey("add_host")) {
      String host = host(Schema.member(body, "add_host", false), "add_host");
      reply(ctx, state.addHostToAggregate(req.caller(), id, host), req.version());
    } else if (body.containsKey("remove_host")) {
      String host = host(Schema.member(body, "remove_host", false), "remove_host");
      reply(ctx, state.removeHostFromAggregate(req.caller(), id, host), req.version());
    } else {
      throw ApiFault.badRequest("There is no such action: " + String.join(",", body.fieldNames()));
    }
  }

  private static String host(JsonObject args, String path) {
    Schema.onlyKeys(path, args, Set.of("host"));
    String h = Schema.optionalString(path, args, "host", 255);
    if (h == null) {
      throw Schema.invalid(path, args, "'host' is a required property");
    }
    return h;
  }

  private static int id(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("id"));
    } catch (NumberFormatException e) {
      throw ApiFault.badRequest("Invalid aggregate id " + ctx.pathParam("id"));
    }
  }

  private static void reply(RoutingContext ctx, Aggregate a, Microversion v) {
    Json.send(ctx, 200, new JsonObject().put("aggregate", view(a, v)));
  }

  static JsonObject view(Aggregate a, Microversion v) {
    JsonObject o = new JsonObject()
        .put("availability_zone", a.availabilityZone())
        .put("created_at", Times.micros(a.createdAt()))
        .put("deleted", false)
        .put("deleted_at", (String) null)
        .put("hosts", new JsonArray(new java.util.ArrayList<>(a.hosts())))
        .put("id", a.id())
        .put("metadata", new JsonObject(new java.util.LinkedHashMap<>(a.metadata())))
        .put("name", a.name())
        .put("updated_at", Times.micros(a.updatedAt()));
    if (v.atLeast(41)) {
      o.put("uuid", a.uuid());
    }
    return o;
  }
}
