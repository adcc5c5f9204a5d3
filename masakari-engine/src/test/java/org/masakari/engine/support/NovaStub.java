package org.masakari.engine.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masakari.core.nova.NovaCredentials;

/**
 * Keystone v3 + Nova 2.53 on WireMock (127.0.0.1, random port). Bodies follow the Nova API reference
 * (and what real-nova.md recorded from Nova Zed). Servers are WireMock scenarios: an evacuate call moves
 * the server's state from "on source host" to "on target host".
 */
public final class NovaStub implements AutoCloseable {
  public static final String COMPUTE = "/compute/v2.1";
  private final WireMockServer wm;

  public NovaStub() {
    wm = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
        .containerThreads(40).jettyAcceptors(2).asynchronousResponseEnabled(false));
    wm.start();
    keystone();
  }

  private final Map<String, String> services = new LinkedHashMap<>();

  /** Forgets all stubs and requests except Keystone. */
  public void reset() {
    wm.resetAll();
    services.clear();
    keystone();
  }

  public WireMockServer wm() {
    return wm;
  }

  public NovaCredentials credentials() {
    return new NovaCredentials("http://127.0.0.1:" + wm.port() + "/identity/v3", "masakari", "secret", "service",
        "Default", "Default", "RegionOne", "compute", "nova", "public", false, 10);
  }

  private void keystone() {
    String body = """
        {"token": {"methods": ["password"], "expires_at": "2099-01-01T00:00:00.000Z",
          "issued_at": "2026-01-01T00:00:00.000Z",
          "user": {"id": "u1", "name": "masakari", "domain": {"id": "default", "name": "Default"}},
          "project": {"id": "p1", "name": "service", "domain": {"id": "default", "name": "Default"}},
          "roles": [{"id": "r1", "name": "admin"}],
          "catalog": [{"type": "compute", "name": "nova", "id": "c1", "endpoints": [
            {"id": "e1", "interface": "public", "region": "RegionOne", "region_id": "RegionOne",
             "url": "http://127.0.0.1:%d/compute/v2.1"}]}]}}
        """.formatted(wm.port());
    wm.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
        .withHeader("X-Subject-Token", "tok-1").withHeader("Content-Type", "application/json").withBody(body)));
  }

  /** A nova-compute service row as Nova 2.53 lists it. */
  public void service(String host, String id, String status, boolean forcedDown) {
    String svc = serviceJson(host, id, status, forcedDown);
    wm.stubFor(get(urlPathEqualTo(COMPUTE + "/os-services")).withQueryParam("host", equalTo(host))
        .willReturn(json(200, "{\"services\": [" + svc + "]}")));
    wm.stubFor(put(urlEqualTo(COMPUTE + "/os-services/" + id)).willReturn(json(200, "{\"service\": " + svc + "}")));
    services.put(host, svc);
    wm.stubFor(get(urlPathEqualTo(COMPUTE + "/os-services")).withQueryParam("host", absent())
        .willReturn(json(200, "{\"services\": [" + String.join(",", services.values()) + "]}")));
  }

  public static String serviceJson(String host, String id, String status, boolean forcedDown) {
    return """
        {"id": "%s", "binary": "nova-compute", "host": "%s", "zone": "nova", "status": "%s", "state": "%s",
         "disabled_reason": null, "forced_down": %s}""".formatted(id, host, status, forcedDown ? "down" : "up", forcedDown);
  }

  public void noService(String host) {
    wm.stubFor(get(urlPathEqualTo(COMPUTE + "/os-services")).withQueryParam("host", equalTo(host))
        .willReturn(json(200, "{\"services\": []}")));
  }

  public void serversOnHost(String host, String... serverJson) {
    wm.stubFor(get(urlPathEqualTo(COMPUTE + "/servers/detail")).withQueryParam("host", equalTo(host))
        .withQueryParam("all_tenants", equalTo("True"))
        .willReturn(json(200, "{\"servers\": [" + String.join(",", serverJson) + "]}")));
  }

  public static String server(String id, String host, String vmState, String taskState, boolean ha) {
    Map<String, String> md = new LinkedHashMap<>();
    if (ha) {
      md.put("HA_Enabled", "True");
    }
    return serverJson(id, host, vmState, taskState, md, false);
  }

  public static String serverJson(String id, String host, String vmState, String taskState, Map<String, String> md,
      boolean locked) {
    StringBuilder m = new StringBuilder("{");
    md.forEach((k, v) -> m.append(m.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
    m.append('}');
    int power = "active".equals(vmState) ? 1 : 4;
    String status = switch (vmState) {
      case "active" -> "ACTIVE";
      case "stopped" -> "SHUTOFF";
      case "error" -> "ERROR";
      case "paused" -> "PAUSED";
      default -> "ACTIVE";
    };
    return """
        {"id": "%s", "name": "vm-%s", "status": "%s", "tenant_id": "t1", "user_id": "u1",
         "OS-EXT-STS:vm_state": "%s", "OS-EXT-STS:task_state": %s, "OS-EXT-STS:power_state": %d,
         "OS-EXT-SRV-ATTR:host": "%s", "OS-EXT-SRV-ATTR:hypervisor_hostname": "%s", "locked": %s,
         "metadata": %s}""".formatted(id, id.substring(0, Math.min(8, id.length())), status, vmState,
        taskState == null ? "null" : "\"" + taskState + "\"", power, host, host, locked, m);
  }

  /** GET /servers/{id} always answers this body. */
  public void serverStatic(String id, String json) {
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).willReturn(json(200, "{\"server\": " + json + "}")));
    actionsAccepted(id);
  }

  /**
   * A server that moves: GET answers {@code before} until an evacuate action arrives, {@code after} from
   * then on. Other actions answer 202.
   */
  public void serverEvacuable(String id, String before, String after) {
    serverEvacuable(id, before, after, 0);
  }

  /** As above, Nova answering the evacuate call only after {@code delayMs} (the move is accepted at once). */
  public void serverEvacuable(String id, String before, String after, int delayMs) {
    String sc = "srv-" + id;
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).inScenario(sc).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, "{\"server\": " + before + "}")));
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).inScenario(sc).whenScenarioStateIs("moved")
        .willReturn(json(200, "{\"server\": " + after + "}")));
    actionsAccepted(id);
    wm.stubFor(post(urlEqualTo(COMPUTE + "/servers/" + id + "/action")).atPriority(1)
        .withRequestBody(containing("\"evacuate\"")).inScenario(sc)
        .willReturn(aResponse().withStatus(200).withFixedDelay(delayMs)).willSetStateTo("moved"));
  }

  /** A server whose state changes on stop and on start (instance-failure flow). */
  public void serverRestartable(String id, String running, String stopped) {
    String sc = "life-" + id;
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).inScenario(sc).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(json(200, "{\"server\": " + running + "}")));
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).inScenario(sc).whenScenarioStateIs("stopped")
        .willReturn(json(200, "{\"server\": " + stopped + "}")));
    wm.stubFor(get(urlEqualTo(COMPUTE + "/servers/" + id)).inScenario(sc).whenScenarioStateIs("started")
        .willReturn(json(200, "{\"server\": " + running + "}")));
    actionsAccepted(id);
    wm.stubFor(post(urlEqualTo(COMPUTE + "/servers/" + id + "/action")).atPriority(1).inScenario(sc)
        .withRequestBody(containing("\"os-stop\"")).willReturn(aResponse().withStatus(202)).willSetStateTo("stopped"));
    wm.stubFor(post(urlEqualTo(COMPUTE + "/servers/" + id + "/action")).atPriority(1).inScenario(sc)
        .withRequestBody(containing("\"os-start\"")).willReturn(aResponse().withStatus(202)).willSetStateTo("started"));
  }

  public void actionsAccepted(String id) {
    wm.stubFor(post(urlEqualTo(COMPUTE + "/servers/" + id + "/action")).atPriority(5)
        .willReturn(aResponse().withStatus(202)));
  }

  /** Nova's answer to evacuate while the source compute is still up (Zed, real-nova.md). */
  public void evacuateRefused(String id) {
    wm.stubFor(post(urlEqualTo(COMPUTE + "/servers/" + id + "/action")).atPriority(1)
        .withRequestBody(containing("\"evacuate\""))
        .willReturn(json(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Compute service of h1 is still in use.\"}}")));
  }

  public void stub(MappingBuilder b) {
    wm.stubFor(b);
  }

  public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
  }

  public List<LoggedRequest> actions(String serverId) {
    return wm.findAll(postRequestedFor(urlEqualTo(COMPUTE + "/servers/" + serverId + "/action")));
  }

  public long actionCount(String serverId, String action) {
    return actions(serverId).stream().filter(r -> r.getBodyAsString().contains("\"" + action + "\"")).count();
  }

  public List<LoggedRequest> servicePuts(String serviceId) {
    return wm.findAll(putRequestedFor(urlEqualTo(COMPUTE + "/os-services/" + serviceId)));
  }

  public static com.github.tomakehurst.wiremock.matching.StringValuePattern jsonBody(String json) {
    return equalToJson(json);
  }

  @Override
  public void close() {
    wm.stop();
  }
}
