package org.masakari.lb.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.masakari.lb.balancer.Backend;
import org.masakari.lb.balancer.BackendRegistry;
import org.masakari.lb.balancer.Server;
import org.masakari.lb.vrrp.ReceiveVerdict;
import org.masakari.lb.vrrp.VrrpInstance;

/** The same numbers three ways: JSON, Prometheus text format, and a small HTML table. */
final class StatsRenderer {
  private StatsRenderer() {}

  static JsonObject server(Server s) {
    return new JsonObject().put("name", s.name()).put("address", s.address().toString()).put("status", s.status())
        .put("weight", s.weight()).put("maxconn", s.maxconn()).put("active", s.active()).put("sessions", s.sessions())
        .put("requests", s.requests()).put("errors", s.errors()).put("redispatches", s.redispatches())
        .put("latency_p50_us", s.latency().percentileMicros(0.50)).put("latency_p90_us", s.latency().percentileMicros(0.90))
        .put("latency_p99_us", s.latency().percentileMicros(0.99));
  }

  static JsonObject json(BackendRegistry registry, List<VrrpInstance> vrrp) {
    JsonArray backends = new JsonArray();
    for (Backend b : registry.all()) {
      JsonArray servers = new JsonArray();
      b.servers().forEach(s -> servers.add(server(s)));
      backends.add(new JsonObject().put("name", b.name()).put("balance", b.config().balance().name().toLowerCase())
          .put("healthy", b.healthy()).put("servers", servers));
    }
    JsonArray instances = new JsonArray();
    for (VrrpInstance i : vrrp) {
      JsonObject drops = new JsonObject();
      for (Map.Entry<ReceiveVerdict, Long> e : i.counters().snapshot().entrySet()) {
        drops.put(e.getKey().name().toLowerCase(), e.getValue());
      }
      instances.add(new JsonObject().put("name", i.name()).put("virtual_router_id", i.virtualRouterId())
          .put("state", i.state().name()).put("received", drops));
    }
    return new JsonObject().put("backends", backends).put("vrrp_instances", instances);
  }

  static String prometheus(BackendRegistry registry, List<VrrpInstance> vrrp) {
    StringBuilder sb = new StringBuilder();
    sb.append("# HELP lb_server_up 1 if the server takes traffic (healthy and READY)\n# TYPE lb_server_up gauge\n");
    sb.append("# HELP lb_server_active Connections (tcp) or requests (http) in progress\n# TYPE lb_server_active gauge\n");
    sb.append("# HELP lb_server_sessions_total Connections (tcp) or requests (http) started\n# TYPE lb_server_sessions_total counter\n");
    sb.append("# HELP lb_server_requests_total Completed requests or connections\n# TYPE lb_server_requests_total counter\n");
    sb.append("# HELP lb_server_errors_total Connection errors and timeouts\n# TYPE lb_server_errors_total counter\n");
    sb.append("# HELP lb_server_latency_seconds Latency percentile (power-of-two bucket upper bound)\n");
    sb.append("# TYPE lb_server_latency_seconds gauge\n");
    for (Backend b : registry.all()) {
      for (Server s : b.servers()) {
        String l = "{backend=\"" + b.name() + "\",server=\"" + s.name() + "\"";
        sb.append("lb_server_up").append(l).append("} ").append(s.usable() ? 1 : 0).append('\n');
        sb.append("lb_server_active").append(l).append("} ").append(s.active()).append('\n');
        sb.append("lb_server_sessions_total").append(l).append("} ").append(s.sessions()).append('\n');
        sb.append("lb_server_requests_total").append(l).append("} ").append(s.requests()).append('\n');
        sb.append("lb_server_errors_total").append(l).append("} ").append(s.errors()).append('\n');
        for (double q : new double[] {0.5, 0.9, 0.99}) {
          sb.append("lb_server_latency_seconds").append(l).append(",quantile=\"").append(q).append("\"} ")
              .append(s.latency().percentileMicros(q) / 1e6).append('\n');
        }
      }
    }
    sb.append("# HELP lb_vrrp_master 1 if this node is MASTER\n# TYPE lb_vrrp_master gauge\n");
    sb.append("# HELP lb_vrrp_received_total Received VRRP packets by verdict\n# TYPE lb_vrrp_received_total counter\n");
    for (VrrpInstance i : vrrp) {
      String l = "{instance=\"" + i.name() + "\",vrid=\"" + i.virtualRouterId() + "\"";
      sb.append("lb_vrrp_master").append(l).append("} ").append(i.state().name().equals("MASTER") ? 1 : 0).append('\n');
      for (Map.Entry<ReceiveVerdict, Long> e : i.counters().snapshot().entrySet()) {
        sb.append("lb_vrrp_received_total").append(l).append(",verdict=\"").append(e.getKey().name().toLowerCase())
            .append("\"} ").append(e.getValue()).append('\n');
      }
    }
    return sb.toString();
  }

  static String html(BackendRegistry registry, List<VrrpInstance> vrrp) {
    StringBuilder sb = new StringBuilder("<!doctype html><html><head><title>lb-frontend</title><style>"
        + "td,th{padding:2px 8px;border-bottom:1px solid #ccc}.DOWN{background:#f99}.UP{background:#9f9}</style></head><body>");
    for (VrrpInstance i : vrrp) {
      sb.append("<p>VRRP ").append(esc(i.name())).append(" vrid ").append(i.virtualRouterId()).append(": <b>")
          .append(i.state()).append("</b></p>");
    }
    for (Backend b : registry.all()) {
      sb.append("<h3>backend ").append(esc(b.name())).append("</h3><table><tr><th>server</th><th>address</th>"
          + "<th>status</th><th>weight</th><th>active</th><th>requests</th><th>errors</th><th>p50 µs</th><th>p99 µs</th></tr>");
      for (Server s : b.servers()) {
        sb.append("<tr class=\"").append(s.status()).append("\"><td>").append(esc(s.name())).append("</td><td>")
            .append(s.address()).append("</td><td>").append(s.status()).append("</td><td>").append(s.weight())
            .append("</td><td>").append(s.active()).append("</td><td>").append(s.requests()).append("</td><td>")
            .append(s.errors()).append("</td><td>").append(s.latency().percentileMicros(0.5)).append("</td><td>")
            .append(s.latency().percentileMicros(0.99)).append("</td></tr>");
      }
      sb.append("</table>");
    }
    return sb.append("</body></html>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
