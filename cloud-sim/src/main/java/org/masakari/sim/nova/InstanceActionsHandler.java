package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.InstanceAction;
import org.masakari.sim.cloud.Migration;
import org.masakari.sim.web.Json;
import org.masakari.sim.web.Times;

/** {@code /servers/{id}/os-instance-actions[/{request_id}]} and {@code /os-migrations}: how a caller confirms an evacuation. */
final class InstanceActionsHandler {
  private final CloudState state;

  InstanceActionsHandler(CloudState state) {
    this.state = state;
  }

  void list(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonArray out = new JsonArray();
    state.instanceActions(req.caller(), ctx.pathParam("id")).forEach(a -> out.add(view(a, req.version())));
    Json.send(ctx, 200, new JsonObject().put("instanceActions", out));
  }

  void show(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    InstanceAction a = state.instanceAction(req.caller(), ctx.pathParam("id"), ctx.pathParam("requestId"));
    JsonArray events = new JsonArray();
    for (InstanceAction.Event e : a.events()) {
      JsonObject o = new JsonObject()
          .put("event", e.event())
          .put("start_time", Times.micros(e.startTime()))
          .put("finish_time", Times.micros(e.finishTime()))
          .put("result", e.result());
      if (req.caller().admin()) {
        o.put("traceback", (String) null);
      }
      if (req.version().atLeast(62)) {
        if (req.caller().admin()) {
          o.put("host", e.host());
        }
        o.put("hostId", ServerView.hostId(a.projectId(), e.host()));
      }
      if (req.version().atLeast(84)) {
        o.put("details", (String) null);
      }
      events.add(o);
    }
    Json.send(ctx, 200, new JsonObject().put("instanceAction", view(a, req.version()).put("events", events)));
  }

  private static JsonObject view(InstanceAction a, Microversion v) {
    JsonObject o = new JsonObject()
        .put("action", a.action())
        .put("instance_uuid", a.instanceUuid())
        .put("message", a.message())
        .put("project_id", a.projectId())
        .put("request_id", a.requestId())
        .put("start_time", Times.micros(a.startTime()))
        .put("user_id", a.userId());
    if (v.atLeast(58)) {
      o.put("updated_at", Times.micros(a.updatedAt()));
    }
    return o;
  }

  void migrations(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    JsonArray out = new JsonArray();
    for (Migration m : state.migrations(req.caller(), ctx.queryParams().get("instance_uuid"))) {
      JsonObject o = new JsonObject()
          .put("created_at", Times.micros(m.createdAt()))
          .put("dest_compute", m.destCompute())
          .put("dest_host", (String) null)
          .put("dest_node", m.destCompute())
          .put("id", m.id())
          .put("instance_uuid", m.instanceUuid())
          .put("new_instance_type_id", 1)
          .put("old_instance_type_id", 1)
          .put("source_compute", m.sourceCompute())
          .put("source_node", m.sourceCompute())
          .put("source_region", "RegionOne")
          .put("dest_region", "RegionOne")
          .put("status", m.status())
          .put("updated_at", Times.micros(m.updatedAt()))
          .put("migration_type", "evacuation");
      if (req.version().atLeast(59)) {
        o.put("uuid", m.uuid());
      }
      out.add(o);
    }
    Json.send(ctx, 200, new JsonObject().put("migrations", out));
  }
}
