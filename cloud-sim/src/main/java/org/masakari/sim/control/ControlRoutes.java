package org.masakari.sim.control;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import org.masakari.sim.cloud.CloudException;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.scenario.Durations;
import org.masakari.sim.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's own API under {@code /sim} on the Nova port: fail and recover hosts, crash
 * servers, add hosts, set per-call latency and error rates, change timings. No authentication:
 * it is a test hook bound to the same address as the simulated Nova.
 */
public final class ControlRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(ControlRoutes.class);

  private final CloudState state;
  private final FaultInjector faults;

  public ControlRoutes(CloudState state, FaultInjector faults) {
    this.state = state;
    this.faults = faults;
  }

  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
    r.get("/").handler(ctx -> Json.send(ctx, 200, new JsonObject(state.summary())));
    r.get("/hosts").handler(this::hosts);
    r.post("/hosts").handler(this::addHosts);
    r.post("/hosts/:name/fail").handler(ctx -> {
      state.failHost(ctx.pathParam("name"));
      hostReply(ctx);
    });
    r.post("/hosts/:name/recover").handler(ctx -> {
      state.recoverHost(ctx.pathParam("name"));
      hostReply(ctx);
    });
    r.post("/servers/:id/crash").handler(ctx -> {
      state.crashServer(ctx.pathParam("id"));
      Json.send(ctx, 200, new JsonObject().put("server", new JsonObject().put("id", ctx.pathParam("id"))
          .put("crashed", true)));
    });
    r.get("/faults").handler(this::listFaults);
    r.put("/faults/:call").handler(this::setFault);
    r.delete("/faults/:call").handler(ctx -> {
      faults.remove(ctx.pathParam("call"));
      Json.empty(ctx, 204);
    });
    r.delete("/faults").handler(ctx -> {
      faults.clear();
      Json.empty(ctx, 204);
    });
    r.get("/settings").handler(ctx -> Json.send(ctx, 200, settingsBody(state.settings())));
    r.put("/settings").handler(this::setSettings);
    r.route().failureHandler(this::failure);
    return r;
  }

  private void hosts(RoutingContext ctx) {
    JsonArray out = new JsonArray();
    for (String h : state.hostNames()) {
      out.add(new JsonObject().put("name", h).put("failed", state.isFailed(h)));
    }
    Json.send(ctx, 200, new JsonObject().put("hosts", out));
  }

  /** {@code {"names": [...]}} or {@code {"prefix": "rack1-", "count": 50}}. */
  private void addHosts(RoutingContext ctx) {
    JsonObject b = body(ctx);
    int added = 0;
    if (b.getJsonArray("names") != null) {
      for (Object n : b.getJsonArray("names")) {
        state.addHost(String.valueOf(n));
        added++;
      }
    } else if (b.getString("prefix") != null && b.getInteger("count") != null) {
      int count = b.getInteger("count");
      if (count < 1 || count > 100_000) {
        throw CloudException.badRequest("count must be between 1 and 100000");
      }
      for (int i = 1; i <= count; i++) {
        state.addHost(b.getString("prefix") + i);
      }
      added = count;
    } else {
      throw CloudException.badRequest("give \"names\" or \"prefix\" and \"count\"");
    }
    Json.send(ctx, 201, new JsonObject().put("added", added));
  }

  private void hostReply(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    Json.send(ctx, 200, new JsonObject().put("host", new JsonObject().put("name", name)
        .put("failed", state.isFailed(name))));
  }

  private void listFaults(RoutingContext ctx) {
    JsonObject out = new JsonObject();
    faults.rules().forEach((call, f) -> out.put(call, faultBody(f)));
    Json.send(ctx, 200, new JsonObject().put("faults", out));
  }

  /** {@code {"latency": "1s", "error_rate": 0.1, "error_status": 500}}; omitted fields keep their value. */
  private void setFault(RoutingContext ctx) {
    String call = ctx.pathParam("call");
    JsonObject b = body(ctx);
    CallFault old = faults.rules().getOrDefault(call, CallFault.NONE);
    CallFault f;
    try {
      f = new CallFault(
          b.containsKey("latency") ? Durations.parse("latency", String.valueOf(b.getValue("latency"))) : old.latency(),
          b.containsKey("error_rate") ? b.getDouble("error_rate") : old.errorRate(),
          b.containsKey("error_status") ? b.getInteger("error_status") : old.errorStatus());
    } catch (IllegalArgumentException | ClassCastException e) {
      throw CloudException.badRequest(e.getMessage());
    }
    faults.set(call, f);
    LOG.info("[sim] fault for {}: {}", call, f);
    Json.send(ctx, 200, new JsonObject().put(call, faultBody(f)));
  }

  private static JsonObject faultBody(CallFault f) {
    return new JsonObject().put("latency", Durations.format(f.latency())).put("error_rate", f.errorRate())
        .put("error_status", f.errorStatus());
  }

  private void setSettings(RoutingContext ctx) {
    JsonObject b = body(ctx);
    CloudSettings s = state.settings();
    try {
      s = new CloudSettings(
          d(b, "service_down_time", s.serviceDownTime()),
          d(b, "report_interval", s.reportInterval()),
          d(b, "build_delay", s.buildDelay()),
          d(b, "rebuild_delay", s.rebuildDelay()),
          d(b, "power_off_delay", s.powerOffDelay()),
          d(b, "power_on_delay", s.powerOnDelay()),
          d(b, "host_cleanup_delay", s.hostCleanupDelay()));
    } catch (IllegalArgumentException e) {
      throw CloudException.badRequest(e.getMessage());
    }
    state.settings(s);
    Json.send(ctx, 200, settingsBody(s));
  }

  private static Duration d(JsonObject b, String key, Duration old) {
    return b.containsKey(key) ? Durations.parse(key, String.valueOf(b.getValue(key))) : old;
  }

  private static JsonObject settingsBody(CloudSettings s) {
    return new JsonObject()
        .put("service_down_time", Durations.format(s.serviceDownTime()))
        .put("report_interval", Durations.format(s.reportInterval()))
        .put("build_delay", Durations.format(s.buildDelay()))
        .put("rebuild_delay", Durations.format(s.rebuildDelay()))
        .put("power_off_delay", Durations.format(s.powerOffDelay()))
        .put("power_on_delay", Durations.format(s.powerOnDelay()))
        .put("host_cleanup_delay", Durations.format(s.hostCleanupDelay()));
  }

  private static JsonObject body(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      return o == null ? new JsonObject() : o;
    } catch (RuntimeException e) {
      throw CloudException.badRequest("body must be a JSON object");
    }
  }

  private void failure(RoutingContext ctx) {
    Throwable t = ctx.failure();
    int status = t instanceof CloudException ce ? ce.kind().status() : (ctx.statusCode() > 0 ? ctx.statusCode() : 500);
    if (status >= 500) {
      LOG.warn("[sim] control call {} {} failed", ctx.request().method(), ctx.request().path(), t);
    }
    String message = t == null ? "failed" : t.getMessage();
    Json.send(ctx, status, new JsonObject().put("error", new JsonObject().put("code", status).put("message", message)));
  }
}
