package org.masakari.lb.admin;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.masakari.lb.balancer.AdminState;
import org.masakari.lb.balancer.Backend;
import org.masakari.lb.balancer.Balancer;
import org.masakari.lb.balancer.Server;
import org.masakari.lb.config.HostPort;
import org.masakari.lb.config.ServerConfig;
import org.masakari.lb.vrrp.VrrpInstance;

/**
 * Local runtime API and stats. Routes (all in this one place):
 * <pre>
 * GET    /stats  /stats.json  /metrics  /servers
 * POST   /backends/{b}/servers                    {"name":…,"address":"h:p","weight":1,"maxconn":0}
 * DELETE /backends/{b}/servers/{s}
 * POST   /backends/{b}/servers/{s}/enable|disable|drain
 * PUT    /backends/{b}/servers/{s}/weight         {"weight":N}
 * POST   /reload
 * </pre>
 * Bind it to 127.0.0.1: there is no authentication.
 */
public final class AdminApi implements AutoCloseable {
  private final Balancer balancer;
  private final Supplier<List<VrrpInstance>> vrrp;
  private final Supplier<String> reload;
  private HttpServer server;

  public AdminApi(Balancer balancer, Supplier<List<VrrpInstance>> vrrp, Supplier<String> reload) {
    this.balancer = balancer;
    this.vrrp = vrrp;
    this.reload = reload;
  }

  public void start(HostPort bind) {
    server = balancer.vertx().createHttpServer().requestHandler(this::route);
    try {
      server.listen(bind.port(), bind.host()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("admin: cannot listen on " + bind + ": " + e.getMessage(), e);
    }
  }

  private void route(HttpServerRequest req) {
    String[] p = req.path().replaceAll("^/+|/+$", "").split("/");
    HttpMethod m = req.method();
    try {
      if (m == HttpMethod.GET && p.length == 1) {
        switch (p[0]) {
          case "stats" -> send(req, 200, "text/html; charset=utf-8", StatsRenderer.html(balancer.registry(), vrrp.get()));
          case "stats.json", "servers" -> json(req, 200, StatsRenderer.json(balancer.registry(), vrrp.get()));
          case "metrics" -> send(req, 200, "text/plain; version=0.0.4", StatsRenderer.prometheus(balancer.registry(), vrrp.get()));
          default -> error(req, 404, "no such page");
        }
      } else if (m == HttpMethod.POST && p.length == 1 && p[0].equals("reload")) {
        // reload reads files and may restart VRRP instances: keep it off the event loop
        balancer.vertx().executeBlocking(reload::get).onComplete(ar -> {
          String err = ar.succeeded() ? ar.result() : ar.cause().toString();
          if (err == null) {
            json(req, 200, new JsonObject().put("reloaded", true));
          } else {
            error(req, 400, err);
          }
        });
      } else if (p.length >= 3 && p[0].equals("backends") && p[2].equals("servers")) {
        serverRoute(req, m, p);
      } else {
        error(req, 404, "no such route");
      }
    } catch (IllegalArgumentException e) {
      error(req, 400, e.getMessage());
    }
  }

  private void serverRoute(HttpServerRequest req, HttpMethod m, String[] p) {
    Backend b = balancer.registry().get(p[1]);
    if (b == null) {
      error(req, 404, "no backend " + p[1]);
      return;
    }
    if (p.length == 3 && m == HttpMethod.POST) {
      body(req).onSuccess(j -> {
        try {
          ServerConfig sc = new ServerConfig(j.getString("name"), parse(j.getString("address")), j.getInteger("weight", 1),
              j.getInteger("maxconn", 0), j.getBoolean("check", true));
          json(req, 201, StatsRenderer.server(b.addServer(sc)));
        } catch (RuntimeException e) {
          error(req, 400, "bad server: " + e.getMessage());
        }
      });
      return;
    }
    Server s = p.length >= 4 ? b.server(p[3]) : null;
    if (s == null) {
      error(req, 404, "no such server");
      return;
    }
    if (p.length == 4 && m == HttpMethod.DELETE) {
      b.removeServer(s.name());
      json(req, 200, new JsonObject().put("removed", s.name()));
    } else if (p.length == 5 && m == HttpMethod.POST) {
      switch (p[4]) {
        case "enable" -> s.setAdminState(AdminState.READY);
        case "disable" -> s.setAdminState(AdminState.MAINT);
        case "drain" -> s.setAdminState(AdminState.DRAIN);
        default -> {
          error(req, 404, "no such action " + p[4]);
          return;
        }
      }
      json(req, 200, StatsRenderer.server(s));
    } else if (p.length == 5 && m == HttpMethod.PUT && p[4].equals("weight")) {
      body(req).onSuccess(j -> {
        Integer w = j.getInteger("weight");
        if (w == null || w < 0 || w > 256) {
          error(req, 400, "weight: must be 0..256");
        } else {
          s.setWeight(w);
          json(req, 200, StatsRenderer.server(s));
        }
      });
    } else {
      error(req, 405, "method not allowed");
    }
  }

  private static HostPort parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("address: required (host:port)");
    }
    int c = text.lastIndexOf(':');
    return new HostPort(text.substring(0, Math.max(0, c)), Integer.parseInt(text.substring(c + 1)));
  }

  private static Future<JsonObject> body(HttpServerRequest req) {
    return req.body().map(b -> b.length() == 0 ? new JsonObject() : b.toJsonObject())
        .onFailure(e -> error(req, 400, "body must be JSON: " + e.getMessage()));
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    send(req, status, "application/json", body.encodePrettily());
  }

  private static void error(HttpServerRequest req, int status, String message) {
    json(req, status, new JsonObject().put("error", message));
  }

  private static void send(HttpServerRequest req, int status, String type, String body) {
    req.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
