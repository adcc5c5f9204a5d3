package org.masakari.sim.glance;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.masakari.sim.keystone.TokenStore;
import org.masakari.sim.web.Json;

/**
 * The least of Glance v2 that the openstack CLI needs to list and create servers (it resolves
 * image names through the catalog's {@code image} service): one public image, read-only. Mounted
 * under {@code /image} on the Nova port, the way devstack publishes Glance under a path.
 */
public final class ImageRoutes {
  /** The image id real-nova.md boots from, so scripts work against both. */
  public static final String IMAGE_ID = "11111111-2222-3333-4444-555555555555";
  private static final String IMAGE_NAME = "cirros";
  private static final String CREATED = "2026-01-01T00:00:00Z";

  private final TokenStore tokens;

  public ImageRoutes(TokenStore tokens) {
    this.tokens = tokens;
  }

  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.get("/").handler(this::versions);
    r.get("/v2").handler(this::versions);
    r.get("/v2/").handler(this::versions);
    r.get("/v2/images").handler(ctx -> authorized(ctx, this::list));
    r.get("/v2/images/:id").handler(ctx -> authorized(ctx, this::show));
    r.get("/v2/schemas/image").handler(ctx -> authorized(ctx, c -> Json.send(c, 200,
        new JsonObject().put("name", "image").put("properties", new JsonObject()).put("additionalProperties",
            new JsonObject().put("type", "string")))));
    r.route().last().handler(ctx -> Json.send(ctx, 404, new JsonObject().put("code", 404)
        .put("title", "Not Found").put("message", "The resource could not be found.")));
    return r;
  }

  private void versions(RoutingContext ctx) {
    String base = Json.baseUrl(ctx) + "/image/v2/";
    JsonArray vs = new JsonArray();
    for (String id : List.of("v2.16", "v2.15", "v2.9", "v2.7", "v2.6", "v2.5", "v2.4", "v2.3", "v2.2", "v2.1", "v2.0")) {
      vs.add(new JsonObject().put("id", id).put("status", id.equals("v2.16") ? "CURRENT" : "SUPPORTED")
          .put("links", new JsonArray().add(new JsonObject().put("rel", "self").put("href", base))));
    }
    Json.send(ctx, 300, new JsonObject().put("versions", vs));
  }

  private void list(RoutingContext ctx) {
    String name = ctx.queryParams().get("name");
    String id = ctx.queryParams().get("id");
    JsonArray images = new JsonArray();
    if ((name == null || name.equals(IMAGE_NAME)) && (id == null || id.equals(IMAGE_ID))) {
      images.add(image());
    }
    Json.send(ctx, 200, new JsonObject().put("images", images).put("schema", "/v2/schemas/images")
        .put("first", "/v2/images"));
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!IMAGE_ID.equals(id) && !IMAGE_NAME.equals(id)) {
      Json.send(ctx, 404, new JsonObject().put("code", 404).put("title", "Not Found")
          .put("message", "No image found with ID " + id));
      return;
    }
    Json.send(ctx, 200, image());
  }

  private static JsonObject image() {
    return new JsonObject()
        .put("id", IMAGE_ID)
        .put("name", IMAGE_NAME)
        .put("status", "active")
        .put("visibility", "public")
        .put("protected", false)
        .put("os_hidden", false)
        .put("container_format", "bare")
        .put("disk_format", "qcow2")
        .put("size", 16338944)
        .put("min_disk", 0)
        .put("min_ram", 0)
        .put("tags", new JsonArray())
        .put("created_at", CREATED)
        .put("updated_at", CREATED)
        .put("self", "/v2/images/" + IMAGE_ID)
        .put("file", "/v2/images/" + IMAGE_ID + "/file")
        .put("schema", "/v2/schemas/image");
  }

  private void authorized(RoutingContext ctx, io.vertx.core.Handler<RoutingContext> handler) {
    if (tokens.valid(ctx.request().getHeader("X-Auth-Token")).isEmpty()) {
      Json.send(ctx, 401, new JsonObject().put("error", new JsonObject().put("code", 401)
          .put("title", "Unauthorized").put("message", "The request you have made requires authentication.")));
      return;
    }
    handler.handle(ctx);
  }
}
