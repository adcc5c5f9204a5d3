package org.masakari.sim.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON responses. */
public final class Json {
  private Json() {}

  public static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }

  /** 202/204 and similar: Nova answers these with no body at all. */
  public static void empty(RoutingContext ctx, int status) {
    ctx.response().setStatusCode(status).putHeader("Content-Length", "0").end();
  }

  /** Base URL the caller used, so links point back where it came from. */
  public static String baseUrl(RoutingContext ctx) {
    String host = ctx.request().getHeader("Host");
    if (host == null) {
      host = ctx.request().localAddress().hostAddress() + ":" + ctx.request().localAddress().port();
    }
    return "http://" + host;
  }
}
