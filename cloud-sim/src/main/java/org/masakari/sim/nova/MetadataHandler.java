package org.masakari.sim.nova;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masakari.sim.cloud.MetadataOperations;
import org.masakari.sim.web.Json;

/** {@code /servers/{id}/metadata[/{key}]}: get, merge (POST), replace (PUT), one key, delete one key. */
final class MetadataHandler {
  private final MetadataOperations servers;

  MetadataHandler(MetadataOperations servers) {
    this.servers = servers;
  }

  void get(RoutingContext ctx) {
    Map<String, String> m = servers.metadata(NovaRequest.of(ctx).caller(), ctx.pathParam("id"));
    Json.send(ctx, 200, new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(m))));
  }

  void merge(RoutingContext ctx) {
    update(ctx, false);
  }

  void replace(RoutingContext ctx) {
    update(ctx, true);
  }

  private void update(RoutingContext ctx, boolean replace) {
    Map<String, String> items = strings("metadata", Schema.member(Schema.body(ctx), "metadata", false));
    Map<String, String> all = servers.updateMetadata(NovaRequest.of(ctx).caller(), ctx.pathParam("id"), items, replace);
    Json.send(ctx, 200, new JsonObject().put("metadata", new JsonObject(new LinkedHashMap<>(all))));
  }

  void getItem(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    String value = servers.metadataItem(NovaRequest.of(ctx).caller(), ctx.pathParam("id"), key);
    Json.send(ctx, 200, new JsonObject().put("meta", new JsonObject().put(key, value)));
  }

  void setItem(RoutingContext ctx) {
    String key = ctx.pathParam("key");
    JsonObject meta = Schema.member(Schema.body(ctx), "meta", false);
    if (meta.size() != 1) {
      throw Schema.invalid("meta", meta, meta.isEmpty() ? "{} does not have enough properties"
          : Schema.python(meta) + " has too many properties");
    }
    if (!meta.containsKey(key)) {
      throw ApiFault.badRequest("Request body and URI mismatch");
    }
    Map<String, String> one = strings("meta", meta);
    servers.updateMetadata(NovaRequest.of(ctx).caller(), ctx.pathParam("id"), one, false);
    Json.send(ctx, 200, new JsonObject().put("meta", new JsonObject(new LinkedHashMap<>(one))));
  }

  void deleteItem(RoutingContext ctx) {
    servers.deleteMetadataItem(NovaRequest.of(ctx).caller(), ctx.pathParam("id"), ctx.pathParam("key"));
    Json.empty(ctx, 204);
  }

  private static Map<String, String> strings(String path, JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : o) {
      if (!(e.getValue() instanceof String s)) {
        throw Schema.invalid(e.getKey(), e.getValue(), Schema.python(e.getValue()) + " is not of type 'string'");
      }
      out.put(e.getKey(), s);
    }
    return out;
  }
}
