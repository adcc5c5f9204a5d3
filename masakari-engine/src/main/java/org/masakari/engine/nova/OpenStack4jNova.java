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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masakari.core.nova.NovaCredentials;
import org.openstack4j.api.exceptions.ClientResponseException;
import org.openstack4j.api.exceptions.ResponseException;
import org.openstack4j.model.compute.HostAggregate;

/**
 * The engine's Nova adapter, split as dependencies.md §2 recommends: OpenStack4j for Keystone, the
 * catalog and the service and aggregate lists; raw JSON calls at microversion 2.53 for every write and
 * every server read (OpenStack4j's server model has no {@code locked}, and its list hides the response's
 * {@code Date}, which the evacuation watcher needs), because OpenStack4j's evacuate sends
 * {@code onSharedStorage} (400 at ≥2.14), its service calls use the legacy URLs (404 at ≥2.53, no reason
 * field, no forced_down) and its server model has no {@code locked}.
 */
public final class OpenStack4jNova implements NovaPort {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 1000;
  /**
   * Nova's {@code updated_at} comes from the clock of the service that saved the instance (the destination
   * compute for a finished rebuild), not from the API host's; 10 s covers hosts whose NTP has drifted. A
   * larger margin only makes each poll return a few more servers.
   */
  static final Duration CLOCK_MARGIN = Duration.ofSeconds(10);

  private final NovaSession session;
  private final HttpClient http;

  public OpenStack4jNova(NovaCredentials creds) {
    this.session = new NovaSession(creds);
    // HTTP/1.1 as Nova's web servers speak it: over h2c the JDK client multiplexes every call on one
    // connection and fails calls beyond the server's stream limit ("too many concurrent streams") instead
    // of queueing them, which a rack failure's hundreds of parallel evacuations hit
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(creds.timeoutSeconds())).build();
  }

  @Override
  public void warmUp() {
    session.endpoint();
  }

  // ---- reads through OpenStack4j ----

  @Override
  public List<ComputeService> services(String binary) {
    return read(() -> session.client().compute().services().list(Map.of("binary", binary)).stream()
        .filter(s -> binary.equals(s.getBinary()))
        .map(OpenStack4jNova::toService).toList());
  }

  @Override
  public ComputeService service(String host, String binary) {
    List<? extends org.openstack4j.model.compute.ext.Service> list = read(() -> session.client().compute().services()
        .list(Map.of("binary", binary, "host", host)));
    return list.stream().filter(s -> host.equals(s.getHost()) && binary.equals(s.getBinary())).findFirst()
        .map(OpenStack4jNova::toService)
        .orElseThrow(() -> new NovaException(NovaException.Kind.NOT_FOUND, 404,
            "no " + binary + " service for host " + host));
  }

  private static ComputeService toService(org.openstack4j.model.compute.ext.Service s) {
    return new ComputeService(s.getId(), s.getBinary(), s.getHost(),
        s.getStatus() == null ? null : s.getStatus().name().toLowerCase(java.util.Locale.ROOT),
        s.getState() == null ? null : s.getState().name().toLowerCase(java.util.Locale.ROOT),
        "true".equalsIgnoreCase(s.getForcedDown()), s.getDisabledReason());
  }

  @Override
  public List<Aggregate> aggregates() {
    return read(() -> session.client().compute().hostAggregates().list().stream()
        .map((HostAggregate a) -> new Aggregate(a.getId(), a.getName(), a.getHosts())).toList());
  }

  // ---- raw calls at 2.53 ----

  @Override
  public Server server(String id) {
    return toServer(call("GET", "/servers/" + id, null).path("server"));
  }

  @Override
  public ServerListing serversOnHost(String host) {
    return listServers("all_tenants=True&host=" + encode(host));
  }

  @Override
  public ServerListing serversChangedSince(Instant since) {
    return listServers("all_tenants=True&changes-since=" + encode(since.truncatedTo(ChronoUnit.SECONDS).toString()));
  }

  /**
   * Follows Nova's {@code servers_links} "next" pages (Nova returns at most {@code max_limit}, 1000 by
   * default, per page); bounded so that a misbehaving endpoint cannot loop forever.
   */
  private ServerListing listServers(String query) {
    List<Server> out = new ArrayList<>();
    Instant novaTime = null;
    String marker = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      long start = System.nanoTime();
      HttpResponse<String> r = exchange("GET", "/servers/detail?" + query
          + (marker == null ? "" : "&marker=" + encode(marker)), null);
      if (page == 0) {
        novaTime = readAtLatest(r, Duration.ofNanos(System.nanoTime() - start));
      }
      JsonNode body = parse(r, "GET /servers/detail");
      JsonNode servers = body.path("servers");
      servers.forEach(s -> out.add(toServer(s)));
      if (servers.isEmpty() || !hasNext(body.path("servers_links"))) {
        break;
      }
      marker = servers.get(servers.size() - 1).path("id").asText();
    }
    return new ServerListing(out, novaTime);
  }

  private static boolean hasNext(JsonNode links) {
    for (JsonNode l : links) {
      if ("next".equals(l.path("rel").asText())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Nova's clock when it began reading: the {@code Date} header (second precision, rounded down) less the
   * round trip, less {@link #CLOCK_MARGIN} for API and database hosts whose clocks differ slightly.
   */
  private static Instant readAtLatest(HttpResponse<String> r, Duration roundTrip) {
    return r.headers().firstValue("Date").map(d -> {
      try {
        return ZonedDateTime.parse(d, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().minus(roundTrip)
            .minus(CLOCK_MARGIN);
      } catch (DateTimeParseException e) {
        return null;
      }
    }).orElse(null);
  }

  private static Server toServer(JsonNode s) {
    Map<String, String> md = new HashMap<>();
    s.path("metadata").fields().forEachRemaining(e -> md.put(e.getKey(), e.getValue().asText()));
    return new Server(s.path("id").asText(), s.path("name").asText(null), text(s, "OS-EXT-STS:vm_state"),
        text(s, "OS-EXT-STS:task_state"), s.path("OS-EXT-STS:power_state").asInt(0), text(s, "OS-EXT-SRV-ATTR:host"),
        text(s, "OS-EXT-SRV-ATTR:hypervisor_hostname"), s.path("locked").asBoolean(false), md);
  }

  private static String encode(String v) {
    return URLEncoder.encode(v, StandardCharsets.UTF_8);
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
    return parse(exchange(method, path, body), method + " " + path);
  }

  private HttpResponse<String> exchange(String method, String path, JsonNode body) {
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
      return r;
    }
  }

  private static JsonNode parse(HttpResponse<String> r, String what) {
    // Nova answers many actions with 202 and no body (evacuate at >= 2.14: 200, empty)
    if (r.body() == null || r.body().isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new NovaException(NovaException.Kind.FAILURE, r.statusCode(), "unparseable Nova response to " + what);
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
