package org.masakari.engine.nova;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masakari.core.nova.NovaCredentials;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.compute.HostAggregate;

/**
 * The engine's Nova adapter, split as dependencies.md §2 recommends: OpenStack4j for Keystone, the
 * catalog and list reads (servers by host, services, aggregates); raw JSON calls at microversion 2.53 for
 * every write and for the single-server read, because OpenStack4j's evacuate sends
 * {@code onSharedStorage} (400 at ≥2.14), its service calls use the legacy URLs (404 at ≥2.53, no reason
 * field, no forced_down) and its server model has no {@code locked}.
 */
public final class OpenStack4jNova implements NovaPort {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final NovaSession session;
  private final HttpClient http;

  public OpenStack4jNova(NovaCredentials creds) {
    this.session = new NovaSession(creds);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(creds.timeoutSeconds())).build();
  }

  @Override
  public void warmUp() {
    session.endpoint();
  }

  // ---- reads through OpenStack4j ----

  @Override
  public List<Server> serversOnHost(String host) {
    return read(() -> session.client().compute().servers()
        .list(Map.of("host", host, "all_tenants", "True")).stream()
        .map(s -> new Server(s.getId(), s.getName(), s.getVmState(), s.getTaskState(), powerState(s.getPowerState()),
            s.getHost(), s.getHypervisorHostname(), false, s.getMetadata()))
        .toList());
  }

  @Override
  public ComputeService service(String host, String binary) {
    List<? extends org.openstack4j.model.compute.ext.Service> list = read(() -> session.client().compute().services()
        .list(Map.of("binary", binary, "host", host)));
    return list.stream().filter(s -> host.equals(s.getHost()) && binary.equals(s.getBinary())).findFirst()
        .map(s -> new ComputeService(s.getId(), s.getBinary(), s.getHost(),
            s.getStatus() == null ? null : s.getStatus().name().toLowerCase(java.util.Locale.ROOT),
            s.getState() == null ? null : s.getState().name().toLowerCase(java.util.Locale.ROOT),
            "true".equalsIgnoreCase(s.getForcedDown()), s.getDisabledReason()))
        .orElseThrow(() -> new NovaException(NovaException.Kind.NOT_FOUND, 404,
            "no " + binary + " service for host " + host));
  }

  @Override
  public List<Aggregate> aggregates() {
    return read(() -> session.client().compute().hostAggregates().list().stream()
        .map((HostAggregate a) -> new Aggregate(a.getId(), a.getName(), a.getHosts())).toList());
  }

  // ---- raw calls at 2.53 ----

  @Override
  public Server server(String id) {
    JsonNode s = call("GET", "/servers/" + id, null).path("server");
    Map<String, String> md = new HashMap<>();
    s.path("metadata").fields().forEachRemaining(e -> md.put(e.getKey(), e.getValue().asText()));
    return new Server(s.path("id").asText(), s.path("name").asText(null), text(s, "OS-EXT-STS:vm_state"),
        text(s, "OS-EXT-STS:task_state"), s.path("OS-EXT-STS:power_state").asInt(0), text(s, "OS-EXT-SRV-ATTR:host"),
        text(s, "OS-EXT-SRV-ATTR:hypervisor_hostname"), s.path("locked").asBoolean(false), md);
  }

  @Override
  public ComputeService disableService(ComputeService service, String reason) {
    return putService(service, Map.of("status", "disabled", "disabled_reason", reason));
  }

  @Override
  public ComputeService enableService(ComputeService service) {
    return putService(service, Map.of("status", "enabled"));
  }

  @Override
  public ComputeService disableAndForceDown(ComputeService service, String reason) {
    return putService(service, Map.of("status", "disabled", "disabled_reason", reason, "forced_down", true));
  }

  @Override
  public ComputeService forceDown(ComputeService service, boolean down) {
    return putService(service, Map.of("forced_down", down));
  }

  private ComputeService putService(ComputeService service, Map<String, Object> body) {
    JsonNode s = call("PUT", "/os-services/" + service.id(), JSON.valueToTree(body)).path("service");
    return new ComputeService(s.path("id").asText(service.id()), s.path("binary").asText(service.binary()),
        s.path("host").asText(service.host()), text(s, "status"), text(s, "state"),
        s.path("forced_down").asBoolean(false), text(s, "disabled_reason"));
  }

  @Override
  public void evacuate(String serverId, String targetHost) {
    ObjectNode args = JSON.createObjectNode();
    if (targetHost != null) {
      args.put("host", targetHost);
    }
    action(serverId, "evacuate", args);
  }

  @Override
  public void resetState(String serverId, String state) {
    action(serverId, "os-resetState", JSON.createObjectNode().put("state", state));
  }

  @Override
  public void stop(String serverId) {
    action(serverId, "os-stop", null);
  }

  @Override
  public void start(String serverId) {
    action(serverId, "os-start", null);
  }

  @Override
  public void lock(String serverId) {
    action(serverId, "lock", null);
  }

  @Override
  public void unlock(String serverId) {
    action(serverId, "unlock", null);
  }

  @Override
  public void addHostToAggregate(String aggregateId, String host) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("add_host").put("host", host);
    call("POST", "/os-aggregates/" + aggregateId + "/action", body);
  }

  /** novaclient sends {@code null} as the argument of argument-less actions; so do we. */
  private void action(String serverId, String name, JsonNode args) {
    ObjectNode body = JSON.createObjectNode();
    body.set(name, args == null ? JSON.nullNode() : args);
    call("POST", "/servers/" + serverId + "/action", body);
  }

  private JsonNode call(String method, String path, JsonNode body) {
    for (int attempt = 1; ; attempt++) {
      HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(session.endpoint() + path))
          .timeout(Duration.ofSeconds(session.timeoutSeconds()))
          .header("X-Auth-Token", session.token().getId())
          .header("Accept", "application/json");
      NovaSession.MICROVERSION_HEADERS.forEach(b::header);
      if (body != null) {
        b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      HttpResponse<String> r;
      try {
        r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new NovaException(NovaException.Kind.FAILURE, 0, method + " " + path + ": " + e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NovaException(NovaException.Kind.FAILURE, 0, method + " " + path + ": interrupted");
      }
      if (r.statusCode() == 401 && attempt == 1) {
        session.invalidate();
        continue;
      }
      if (r.statusCode() >= 300) {
        throw NovaException.fromStatus(r.statusCode(), faultMessage(r.body(), r.statusCode()));
      }
      // Nova answers many actions with 202 and no body (evacuate at >= 2.14: 200, empty)
      if (r.body() == null || r.body().isBlank()) {
        return JSON.createObjectNode();
      }
      try {
        return JSON.readTree(r.body());
      } catch (IOException e) {
        throw new NovaException(NovaException.Kind.FAILURE, r.statusCode(), "unparseable Nova response to "
            + method + " " + path);
      }
    }
  }

  /** Nova's fault body is {"badRequest": {"code": 400, "message": "…"}}; upstream reports the message. */
  private static String faultMessage(String body, int status) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.isObject() && n.size() == 1) {
        JsonNode inner = n.elements().next();
        if (inner.hasNonNull("message")) {
          return inner.get("message").asText() + " (HTTP " + status + ")";
        }
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON: fall through to the status alone
    }
    return "Nova returned HTTP " + status;
  }

  private <T> T read(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ClientResponseException e) {
      if (e.getStatus() == 401) {
        session.invalidate();
      }
      throw NovaException.fromStatus(e.getStatus(), e.getMessage());
    } catch (ResponseException e) {
      throw NovaException.fromStatus(e.getStatus(), e.getMessage());
    } catch (NovaException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new NovaException(NovaException.Kind.FAILURE, 0, e.toString());
    }
  }

  private static int powerState(String s) {
    try {
      return s == null ? 0 : Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
