package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.ServiceSnapshot;
import org.masakari.sim.cloud.ServiceUpdate;
import org.masakari.sim.web.Json;
import org.masakari.sim.web.Times;

/**
 * {@code /os-services}: list with host/binary filters; update by UUID (2.53+) or by the legacy
 * action URLs with host and binary in the body (enable, disable, disable-log-reason, force-down 2.11+).
 */
final class ServicesHandler {
  private static final Set<String> V253_KEYS = Set.of("status", "disabled_reason", "forced_down");
  private static final Set<String> LEGACY_KEYS = Set.of("host", "binary", "disabled_reason");
  private static final Set<String> LEGACY_211_KEYS = Set.of("host", "binary", "disabled_reason", "forced_down");

  private final CloudState state;

  ServicesHandler(CloudState state) {
    this.state = state;
  }

  void list(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonArray out = new JsonArray();
    for (ServiceSnapshot s : state.services(req.caller(), ctx.queryParams().get("host"), ctx.queryParams().get("binary"))) {
      out.add(view(s, req.version()));
    }
    Json.send(ctx, 200, new JsonObject().put("services", out));
  }

  static JsonObject view(ServiceSnapshot s, Microversion v) {
    JsonObject o = new JsonObject()
        .put("binary", s.binary())
        .put("host", s.host())
        .put("id", v.atLeast(53) ? s.uuid() : (Object) s.id())
        .put("zone", s.zone())
        .put("status", s.status())
        .put("state", s.state())
        .put("updated_at", Times.micros(s.updatedAt()))
        .put("disabled_reason", s.disabledReason());
    if (v.atLeast(11)) {
      o.put("forced_down", s.forcedDown());
    }
    return o;
  }

  void update(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonObject body = Schema.body(ctx);
    String id = ctx.pathParam("id");
    if (req.version().atLeast(53)) {
      Schema.onlyKeys("", body, V253_KEYS);
      ServiceUpdate u = new ServiceUpdate(status(body), body.containsKey("disabled_reason"),
          Schema.optionalString("disabled_reason", body, "disabled_reason", 255), Schema.optionalBoolean("", body, "forced_down"));
      ServiceSnapshot s = state.updateService(req.caller(), id, u);
      Json.send(ctx, 200, new JsonObject().put("service", view(s, req.version())));
      return;
    }
    legacy(ctx, req, id, body);
  }

  private void legacy(RoutingContext ctx, NovaRequest req, String action, JsonObject body) {
    Schema.onlyKeys("", body, req.version().atLeast(11) ? LEGACY_211_KEYS : LEGACY_KEYS);
    boolean forceDown = action.equals("force-down") && req.version().atLeast(11);
    if (!Set.of("enable", "disable", "disable-log-reason").contains(action) && !forceDown) {
      throw new ApiFault(404, "Unknown action");
    }
    String host = body.getString("host");
    String binary = body.getString("binary");
    if (host == null || binary == null) {
      throw Schema.invalid("", body, "'" + (host == null ? "host" : "binary") + "' is a required property");
    }
    ServiceUpdate u;
    JsonObject out = new JsonObject().put("host", host).put("binary", binary);
    switch (action) {
      case "enable" -> u = new ServiceUpdate("enabled", false, null, null);
      case "disable" -> u = new ServiceUpdate("disabled", false, null, null);
      case "disable-log-reason" -> {
        String reason = body.getString("disabled_reason");
        if (reason == null) {
          throw ApiFault.badRequest("Missing disabled reason field");
        }
        u = new ServiceUpdate("disabled", true, reason, null);
      }
      default -> {
        Boolean down = Schema.optionalBoolean("", body, "forced_down");
        if (down == null) {
          throw Schema.invalid("", body, "'forced_down' is a required property");
        }
        u = new ServiceUpdate(null, false, null, down);
      }
    }
    ServiceSnapshot s = state.updateService(req.caller(), host, binary, u);
    if (forceDown) {
      out.put("forced_down", s.forcedDown());
    } else {
      out.put("status", s.status());
      if (action.equals("disable-log-reason")) {
        out.put("disabled_reason", s.disabledReason());
      }
    }
    Json.send(ctx, 200, new JsonObject().put("service", out));
  }

  private static String status(JsonObject body) {
    if (!body.containsKey("status")) {
      return null;
    }
    Object v = body.getValue("status");
    if (!"enabled".equals(v) && !"disabled".equals(v)) {
      throw Schema.invalid("status", v, Schema.python(v) + " is not one of ['enabled', 'disabled']");
    }
    return (String) v;
  }
}
