package org.masakari.api.support;

import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.masakari.api.ApiServer;
import org.masakari.api.policy.Policy;
import org.masakari.client.config.IniFile;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.nova.ComputeServiceDirectory;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.WorkQueue;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.core.service.WorkflowDetailsSource;

/**
 * Our API on a free loopback port over a real database (H2 or MariaDB) and a real work queue
 * (in-process, or RabbitMQ when the config has a transport_url), plus a small HTTP client.
 */
public final class ApiFixture implements AutoCloseable {
  private final TestDatabase db;
  private final CoreRuntime core;
  private final Vertx vertx;
  private final ApiServer api;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ApiFixture(TestDatabase db, CoreRuntime core, Vertx vertx, ApiServer api) {
    this.db = db;
    this.core = core;
    this.vertx = vertx;
    this.api = api;
  }

  public static ApiFixture start(TestDatabase.Kind kind, List<String> configLines, ComputeServiceDirectory nova,
      WorkQueue queue) {
    TestDatabase db = TestDatabase.create(kind);
    List<String> lines = new ArrayList<>();
    lines.add("[DEFAULT]");
    lines.add("auth_strategy = noauth2");
    lines.add("masakari_api_listen = 127.0.0.1");
    lines.add("masakari_api_workers = 1");
    if (nova == null) {
      lines.add("nova_compute_host_check = false");
    }
    lines.addAll(configLines);
    lines.add("[alertmanager]");
    lines.add("rules = NovaComputeDown:PROCESS:nova-compute");
    lines.add("[database]");
    lines.add("connection = " + db.connection());
    MasakariConfig cfg = MasakariConfig.of(IniFile.parse(null, lines));
    WorkQueue q = queue != null || cfg.messaging().transportUrl().isPresent() ? queue : new InProcessWorkQueue();
    CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(null, true, q,
        nova == null ? ComputeServiceDirectory.acceptAll() : nova, List.of()));
    Vertx vertx = Vertx.vertx();
    ApiServer api = new ApiServer(vertx, cfg.api().withListen("127.0.0.1", 0), cfg.keystone(),
        Policy.load(cfg.policyFile()), new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
            WorkflowDetailsSource.none(), new org.masakari.core.actions.NotificationActions(core.database().tx(), core.relay(), core.webhooks()),
            new org.masakari.core.alerts.AlertmanagerReceiver(
                org.masakari.core.alerts.AlertmanagerOptions.from(cfg.ini().section("alertmanager")),
                core.notifications())), cfg.database().maxPoolSize());
    api.start().await();
    return new ApiFixture(db, core, vertx, api);
  }

  public static ApiFixture start(TestDatabase.Kind kind) {
    return start(kind, List.of(), null, null);
  }

  public CoreRuntime core() {
    return core;
  }

  public String base() {
    return "http://127.0.0.1:" + api.port();
  }

  public int port() {
    return api.port();
  }

  public HttpResult send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30));
    headers.forEach(b::header);
    if (body != null && !headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HttpResult.of(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    } catch (Exception e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    }
  }

  public HttpResult get(String path) {
    return send("GET", path, null, Map.of());
  }

  public HttpResult get(String path, Map<String, String> headers) {
    return send("GET", path, null, headers);
  }

  public HttpResult post(String path, String body) {
    return send("POST", path, body, Map.of());
  }

  public HttpResult put(String path, String body) {
    return send("PUT", path, body, Map.of());
  }

  public HttpResult delete(String path) {
    return send("DELETE", path, null, Map.of());
  }

  /** Creates a segment and returns its uuid. */
  public String segment(String name, String method) {
    HttpResult r = post("/v1/segments", "{\"segment\":{\"name\":\"" + name + "\",\"recovery_method\":\"" + method
        + "\",\"service_type\":\"COMPUTE\"}}");
    if (r.status() != 201) {
      throw new AssertionError("segment create: " + r.status() + " " + r.text());
    }
    return r.json().path("segment").path("uuid").asText();
  }

  public String host(String segment, String name) {
    HttpResult r = post("/v1/segments/" + segment + "/hosts", "{\"host\":{\"name\":\"" + name
        + "\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}");
    if (r.status() != 201) {
      throw new AssertionError("host create: " + r.status() + " " + r.text());
    }
    return r.json().path("host").path("uuid").asText();
  }

  @Override
  public void close() {
    api.close();
    vertx.close().await();
    core.close();
    db.close();
  }
}
