package org.masakari.sim.nova;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import java.util.UUID;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.cloud.VmState;
import org.masakari.sim.web.Json;

/** {@code POST /servers/{id}/action}: the actions an HA engine uses, with each microversion's body rules. */
final class ServerActionHandler {
  private final ServerOperations servers;

  ServerActionHandler(ServerOperations servers) {
    this.servers = servers;
  }

  /** The action a request body names: its first key ({@code evacuate}, {@code os-stop}, ...). */
  static String actionOf(RoutingContext ctx) {
    try {
      JsonObject body = ctx.body().asJsonObject();
      return body == null || body.isEmpty() ? "" : body.fieldNames().iterator().next();
    } catch (RuntimeException e) {
      return "";
    }
  }

  void handle(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonObject body = Schema.body(ctx);
    String id = ctx.pathParam("id");
    String action = actionOf(ctx);
    switch (action) {
      case "evacuate" -> evacuate(ctx, req, id, Schema.member(body, "evacuate", false));
      case "os-stop" -> {
        servers.stop(req.caller(), id);
        Json.empty(ctx, 202);
      }
      case "os-start" -> {
        servers.start(req.caller(), id);
        Json.empty(ctx, 202);
      }
      case "os-resetState" -> {
        JsonObject args = Schema.member(body, "os-resetState", false);
        Schema.onlyKeys("os-resetState", args, Set.of("state"));
        Object state = args.getValue("state");
        if (!"active".equals(state) && !"error".equals(state)) {
          throw Schema.invalid("state", state, Schema.python(state) + " is not one of ['active', 'error']");
        }
        servers.resetState(req.caller(), id, "active".equals(state) ? VmState.ACTIVE : VmState.ERROR);
        Json.empty(ctx, 202);
      }
      case "lock" -> {
        String reason = null;
        if (req.version().atLeast(73)) {
          JsonObject args = Schema.member(body, "lock", true);
          Schema.onlyKeys("lock", args, Set.of("locked_reason"));
          reason = Schema.optionalString("lock", args, "locked_reason", 255);
        }
        servers.lock(req.caller(), id, reason);
        Json.empty(ctx, 202);
      }
      case "unlock" -> {
        servers.unlock(req.caller(), id);
        Json.empty(ctx, 202);
      }
      default -> throw ApiFault.badRequest("There is no such action: " + action);
    }
  }

  private void evacuate(RoutingContext ctx, NovaRequest req, String id, JsonObject args) {
    Microversion v = req.version();
    if (!v.atLeast(14)) {
      Schema.onlyKeys("evacuate", args, Set.of("host", "onSharedStorage", "adminPass"));
      if (!args.containsKey("onSharedStorage")) {
        throw Schema.invalid("evacuate", args, "'onSharedStorage' is a required property");
      }
    } else if (v.atLeast(29) && !v.atLeast(68)) {
      Schema.onlyKeys("evacuate", args, Set.of("host", "adminPass", "force"));
    } else {
      Schema.onlyKeys("evacuate", args, Set.of("host", "adminPass"));
    }
    String host = Schema.optionalString("evacuate", args, "host", 255);
    Boolean force = Schema.optionalBoolean("evacuate", args, "force");
    if (Boolean.TRUE.equals(force) && host == null) {
      throw ApiFault.badRequest("Can't force to a non-provided destination");
    }
    servers.evacuate(req.caller(), id, host, Boolean.TRUE.equals(force));
    if (!v.atLeast(14)) {
      // before 2.14 Nova returns the (generated) admin password of the rebuilt server
      String pass = args.getString("adminPass", UUID.randomUUID().toString().substring(0, 12));
      Json.send(ctx, 200, new JsonObject().put("adminPass", pass));
    } else {
      Json.empty(ctx, 200);
    }
  }
}
