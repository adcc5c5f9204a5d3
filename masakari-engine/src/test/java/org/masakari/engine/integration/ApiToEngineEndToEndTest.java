package org.masakari.engine.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.masakari.api.ApiServer;
import org.masakari.api.policy.Policy;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.nova.ComputeServiceDirectory;
import org.masakari.core.progress.TaskProgressStore;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.engine.Engine;
import org.masakari.engine.nova.OpenStack4jNova;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;

/**
 * Through the real API (noauth2) as in all-in-one mode: create a segment and a host, POST a host failure,
 * watch it go new → running → finished, read vmoves and recovery_workflow_details (1.1) over HTTP.
 */
class ApiToEngineEndToEndTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private String base;

  private JsonNode call(String method, String path, String body, String microversion, int expected) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .header("X-Project-Id", "admin")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (microversion != null) {
      b.header("OpenStack-API-Version", "instance-ha " + microversion);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isEqualTo(expected);
    return JSON.readTree(r.body());
  }

  @Test
  void aHostFailurePostedToTheApiIsRecoveredAndVisibleThroughTheApi() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    MasakariConfig cfg = MasakariConfig.ofLines(List.of("[DEFAULT]", "auth_strategy = noauth2",
        "nova_compute_host_check = false"));
    try (NovaStub nova = new NovaStub();
         CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(
             DatabaseUrl.h2Memory("e2e" + UUID.randomUUID().toString().replace("-", "")), true,
             new InProcessWorkQueue(), ComputeServiceDirectory.acceptAll(), List.of()));
         Engine engine = Engine.start(Options.fast(), core.database(), core.queue(),
             new OpenStack4jNova(nova.credentials()))) {
      Vertx vertx = Vertx.vertx();
      ApiServer api = new ApiServer(vertx, cfg.api().withListen("127.0.0.1", port), cfg.keystone(),
          Policy.load(cfg.policyFile()), new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
              new TaskProgressStore(core.database().tx())), 4);
      try {
        api.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        nova.service("e2e-h1", "svc-e2e", "enabled", false);
        nova.serverEvacuable("vm-e2e", NovaStub.server("vm-e2e", "e2e-h1", "active", null, true),
            NovaStub.server("vm-e2e", "e2e-h2", "active", null, true));
        // Nova answers the instance list slowly, so the notification is visibly running for a while
        nova.stub(get(urlPathEqualTo(NovaStub.COMPUTE + "/servers/detail")).withQueryParam("host", equalTo("e2e-h1"))
            .willReturn(NovaStub.json(200, "{\"servers\": [" + NovaStub.server("vm-e2e", "e2e-h1", "active", null, true)
                + "]}").withFixedDelay(1500)));

        String seg = call("POST", "/v1/segments", "{\"segment\": {\"name\": \"e2e\", \"recovery_method\": \"auto\","
            + " \"service_type\": \"COMPUTE\"}}", null, 201).path("segment").path("uuid").asText();
        call("POST", "/v1/segments/" + seg + "/hosts", "{\"host\": {\"name\": \"e2e-h1\", \"type\": \"COMPUTE\","
            + " \"control_attributes\": \"SSH\"}}", null, 201);
        JsonNode created = call("POST", "/v1/notifications", "{\"notification\": {\"type\": \"COMPUTE_HOST\","
            + " \"hostname\": \"e2e-h1\", \"generated_time\": \"2026-11-22T00:00:00Z\", \"payload\": {\"event\":"
            + " \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}}}", null, 202);
        String id = created.path("notification").path("notification_uuid").asText();
        List<String> seen = new ArrayList<>(List.of(created.path("notification").path("status").asText()));
        CountDownLatch never = new CountDownLatch(1);
        for (int i = 0; i < 1200 && !seen.get(seen.size() - 1).equals("finished"); i++) {
          String st = call("GET", "/v1/notifications/" + id, null, null, 200).path("notification").path("status").asText();
          if (!st.equals(seen.get(seen.size() - 1))) {
            seen.add(st);
          }
          never.await(50, TimeUnit.MILLISECONDS);
        }
        assertThat(seen).containsExactly("new", "running", "finished");

        JsonNode vmoves = call("GET", "/v1/notifications/" + id + "/vmoves", null, "1.3", 200).path("vmoves");
        assertThat(vmoves).hasSize(1);
        assertThat(vmoves.get(0).path("status").asText()).isEqualTo("succeeded");
        assertThat(vmoves.get(0).path("dest_host").asText()).isEqualTo("e2e-h2");

        JsonNode details = call("GET", "/v1/notifications/" + id, null, "1.1", 200)
            .path("notification").path("recovery_workflow_details");
        assertThat(details).extracting(d -> d.path("name").asText() + ":" + d.path("state").asText())
            .containsExactly("DisableComputeServiceTask:SUCCESS", "PrepareHAEnabledInstancesTask:SUCCESS",
                "EvacuateInstancesTask:SUCCESS");
        JsonNode host = call("GET", "/v1/segments/" + seg + "/hosts", null, null, 200).path("hosts").get(0);
        assertThat(host.path("on_maintenance").asBoolean()).isTrue();
      } finally {
        api.close();
        vertx.close();
      }
    }
  }
}
