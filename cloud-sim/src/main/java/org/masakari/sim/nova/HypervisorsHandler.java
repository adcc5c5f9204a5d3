package org.masakari.sim.nova;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.HypervisorSnapshot;
import org.masakari.sim.web.Json;

/** {@code /os-hypervisors}: list, detail, show, {@code hypervisor_hostname_pattern} (2.53+) and {@code /search} (before 2.53). */
final class HypervisorsHandler {
  private final CloudState state;

  HypervisorsHandler(CloudState state) {
    this.state = state;
  }

  void list(RoutingContext ctx) {
    render(ctx, false);
  }

  void detail(RoutingContext ctx) {
    render(ctx, true);
  }

  private void render(RoutingContext ctx, boolean detail) {
    NovaRequest req = NovaRequest.of(ctx);
    String pattern = req.version().atLeast(53) ? ctx.queryParams().get("hypervisor_hostname_pattern") : null;
    List<HypervisorSnapshot> all = state.hypervisors(req.caller(), pattern);
    int limit = Pagination.limit(ctx.queryParams());
    String marker = ctx.queryParams().get("marker");
    int from = 0;
    if (marker != null && req.version().atLeast(33)) {
      from = -1;
      for (int i = 0; i < all.size(); i++) {
        if (id(all.get(i), req.version()).toString().equals(marker)) {
          from = i + 1;
        }
      }
      if (from < 0) {
        throw ApiFault.badRequest("marker [" + marker + "] not found");
      }
    }
    List<HypervisorSnapshot> page = all.subList(from, Math.min(all.size(), from + limit));
    JsonArray out = new JsonArray();
    page.forEach(h -> out.add(detail ? detailView(h, req.version()) : summaryView(h, req.version())));
    JsonObject body = new JsonObject().put("hypervisors", out);
    if (req.version().atLeast(33) && page.size() == limit && !page.isEmpty()) {
      Pagination.addNextLink(body, "hypervisors_links",
          req.baseUrl() + (detail ? "/v2.1/os-hypervisors/detail" : "/v2.1/os-hypervisors"), ctx.queryParams(),
          id(page.get(page.size() - 1), req.version()).toString());
    }
    Json.send(ctx, 200, body);
  }

  void search(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    if (req.version().atLeast(53)) {
      throw new ApiFault(404, "The resource could not be found.");
    }
    JsonArray out = new JsonArray();
    state.hypervisors(req.caller(), ctx.pathParam("pattern")).forEach(h -> out.add(summaryView(h, req.version())));
    Json.send(ctx, 200, new JsonObject().put("hypervisors", out));
  }

  void show(RoutingContext ctx) {
    NovaRequest req = NovaRequest.of(ctx);
    HypervisorSnapshot h = state.hypervisor(req.caller(), ctx.pathParam("id"));
    Json.send(ctx, 200, new JsonObject().put("hypervisor", detailView(h, req.version())));
  }

  private static Object id(HypervisorSnapshot h, Microversion v) {
    return v.atLeast(53) ? h.uuid() : h.id();
  }

  private static JsonObject summaryView(HypervisorSnapshot h, Microversion v) {
    return new JsonObject().put("hypervisor_hostname", h.hostname()).put("id", id(h, v))
        .put("state", h.service().state()).put("status", h.service().status());
  }

  private static JsonObject detailView(HypervisorSnapshot h, Microversion v) {
    JsonObject o = summaryView(h, v)
        .put("hypervisor_type", "fake")
        .put("hypervisor_version", 1000)
        .put("host_ip", h.hostIp())
        .put("service", new JsonObject().put("host", h.hostname())
            .put("id", v.atLeast(53) ? h.service().uuid() : (Object) h.service().id())
            .put("disabled_reason", h.service().disabledReason()));
    if (v.atLeast(88)) {
      return o.put("uptime", (String) null);
    }
    return o.put("cpu_info", v.atLeast(28) ? new JsonObject() : (Object) "{}")
        .put("current_workload", 0)
        .put("disk_available_least", h.diskGb() - h.diskGbUsed())
        .put("free_disk_gb", h.diskGb() - h.diskGbUsed())
        .put("free_ram_mb", h.memoryMb() - h.memoryMbUsed())
        .put("local_gb", h.diskGb())
        .put("local_gb_used", h.diskGbUsed())
        .put("memory_mb", h.memoryMb())
        .put("memory_mb_used", h.memoryMbUsed())
        .put("running_vms", h.runningVms())
        .put("vcpus", h.vcpus())
        .put("vcpus_used", h.vcpusUsed());
  }
}
