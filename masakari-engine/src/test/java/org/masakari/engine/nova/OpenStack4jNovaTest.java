package org.masakari.engine.nova;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masakari.engine.support.NovaStub;

class OpenStack4jNovaTest {
  private final NovaStub stub = new NovaStub();
  private final OpenStack4jNova nova = new OpenStack4jNova(stub.credentials());

  @AfterEach
  void close() {
    stub.close();
  }

  @Test
  void evacuateSendsNoOnSharedStorageAtMicroversion253() {
    stub.actionsAccepted("s1");
    nova.evacuate("s1", null);
    nova.evacuate("s1", "rh1");
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))
        .withHeader("X-Auth-Token", equalTo("tok-1"))
        .withHeader("OpenStack-API-Version", equalTo("compute 2.53"))
        .withHeader("X-OpenStack-Nova-API-Version", equalTo("2.53"))
        .withRequestBody(equalToJson("{\"evacuate\": {}}")));
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))
        .withRequestBody(equalToJson("{\"evacuate\": {\"host\": \"rh1\"}}")));
  }

  @Test
  void callsStayOnHttp11SoThatParallelCallsAreNeverRefusedForStreamLimits() {
    stub.actionsAccepted("s1");
    nova.lock("s1");
    // an h2c upgrade offer would put every call on one HTTP/2 connection (JDK client: "too many concurrent streams")
    assertThat(stub.wm().findAll(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))))
        .singleElement().satisfies(r -> {
          assertThat(r.containsHeader("Upgrade")).isFalse();
          assertThat(r.containsHeader("HTTP2-Settings")).isFalse();
        });
  }

  @Test
  void argumentLessActionsSendNullLikeNovaclient() {
    stub.actionsAccepted("s1");
    nova.stop("s1");
    nova.lock("s1");
    nova.resetState("s1", "error");
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))
        .withRequestBody(equalToJson("{\"os-stop\": null}")));
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))
        .withRequestBody(equalToJson("{\"lock\": null}")));
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action"))
        .withRequestBody(equalToJson("{\"os-resetState\": {\"state\": \"error\"}}")));
  }

  @Test
  void servicesAreFoundByHostAndUpdatedByUuidWithReasonAndForcedDown() {
    stub.service("h1", "5f0e-uuid", "enabled", false);
    ComputeService s = nova.service("h1", "nova-compute");
    assertThat(s.id()).isEqualTo("5f0e-uuid");
    assertThat(s.disabled()).isFalse();
    nova.disableService(s, "Masakari detected host failed.");
    nova.forceDown(s, true);
    stub.wm().verify(getRequestedFor(urlPathEqualTo(NovaStub.COMPUTE + "/os-services"))
        .withQueryParam("binary", equalTo("nova-compute")).withQueryParam("host", equalTo("h1"))
        .withHeader("OpenStack-API-Version", equalTo("compute 2.53")));
    stub.wm().verify(putRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/os-services/5f0e-uuid"))
        .withRequestBody(equalToJson("{\"status\": \"disabled\", \"disabled_reason\": \"Masakari detected host failed.\"}")));
    stub.wm().verify(putRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/os-services/5f0e-uuid"))
        .withRequestBody(equalToJson("{\"forced_down\": true}")));
  }

  @Test
  void unknownServiceIsNotFound() {
    stub.noService("ghost");
    assertThatThrownBy(() -> nova.service("ghost", "nova-compute")).isInstanceOf(NovaException.class)
        .extracting(e -> ((NovaException) e).kind()).isEqualTo(NovaException.Kind.NOT_FOUND);
  }

  @Test
  void changedServersFollowNextPagesAndReportNovasClockLessTheRoundTrip() {
    String date = "Sun, 22 Nov 2026 04:00:10 GMT";
    stub.stub(get(urlPathEqualTo(NovaStub.COMPUTE + "/servers/detail"))
        .withQueryParam("changes-since", equalTo("2026-11-22T03:59:00Z")).withQueryParam("all_tenants", equalTo("True"))
        .withQueryParam("marker", absent())
        .willReturn(NovaStub.json(200, "{\"servers\": [" + NovaStub.server("a1", "h2", "active", null, true) + "],"
            + " \"servers_links\": [{\"rel\": \"next\", \"href\": \"http://x/servers/detail?marker=a1\"}]}")
            .withHeader("Date", date)));
    stub.stub(get(urlPathEqualTo(NovaStub.COMPUTE + "/servers/detail"))
        .withQueryParam("changes-since", equalTo("2026-11-22T03:59:00Z")).withQueryParam("marker", equalTo("a1"))
        .willReturn(NovaStub.json(200, "{\"servers\": [" + NovaStub.serverJson("b2", "h3", "stopped", null,
            java.util.Map.of(), true) + "]}")));
    ServerListing l = nova.serversChangedSince(java.time.Instant.parse("2026-11-22T03:59:00.700Z"));
    assertThat(l.servers()).extracting(Server::id).containsExactly("a1", "b2");
    assertThat(l.servers().get(1).locked()).isTrue();
    java.time.Instant sent = java.time.Instant.parse("2026-11-22T04:00:10Z");
    assertThat(l.novaTime()).isBefore(sent.minus(OpenStack4jNova.CLOCK_MARGIN).plusMillis(1))
        .isAfter(sent.minus(OpenStack4jNova.CLOCK_MARGIN).minusSeconds(5));
  }

  @Test
  void serversOnHostAndSingleServerAreParsed() {
    stub.serversOnHost("h1", NovaStub.server("a1", "h1", "active", null, true),
        NovaStub.server("b2", "h1", "stopped", null, false));
    stub.serverStatic("a1", NovaStub.serverJson("a1", "h1", "active", "rebuilding", java.util.Map.of("HA_Enabled", "True"), true));
    var list = nova.serversOnHost("h1").servers();
    assertThat(list).extracting(Server::id).containsExactly("a1", "b2");
    assertThat(list.get(0).metadataFlag("HA_Enabled")).isTrue();
    assertThat(list.get(1).vmState()).isEqualTo("stopped");
    Server one = nova.server("a1");
    assertThat(one.locked()).isTrue();
    assertThat(one.taskState()).isEqualTo("rebuilding");
    assertThat(one.hypervisorHostname()).isEqualTo("h1");
  }

  @Test
  void novaFaultsAreTranslatedWithTheirMessage() {
    stub.evacuateRefused("s1");
    assertThatThrownBy(() -> nova.evacuate("s1", null)).isInstanceOf(NovaException.class)
        .hasMessageContaining("Compute service of h1 is still in use.")
        .extracting(e -> ((NovaException) e).kind()).isEqualTo(NovaException.Kind.INVALID_INPUT);
  }

  @Test
  void anExpiredTokenIsRenewedOnceOn401() {
    stub.stub(post(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action")).inScenario("auth")
        .whenScenarioStateIs(Scenario.STARTED).willReturn(NovaStub.json(401, "{}")).willSetStateTo("renewed"));
    stub.stub(post(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action")).inScenario("auth")
        .whenScenarioStateIs("renewed").willReturn(NovaStub.json(202, "")));
    nova.start("s1");
    stub.wm().verify(2, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
    stub.wm().verify(2, postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/s1/action")));
  }

  @Test
  void aggregatesAreListedAndHostsAdded() {
    stub.stub(get(urlEqualTo(NovaStub.COMPUTE + "/os-aggregates")).willReturn(NovaStub.json(200,
        "{\"aggregates\": [{\"id\": 7, \"name\": \"agg1\", \"hosts\": [\"h1\"], \"metadata\": {},"
            + " \"availability_zone\": null, \"deleted\": false}]}")));
    stub.stub(post(urlEqualTo(NovaStub.COMPUTE + "/os-aggregates/7/action")).willReturn(NovaStub.json(200, "{}")));
    var aggs = nova.aggregates();
    assertThat(aggs).singleElement().satisfies(a -> assertThat(a.hosts()).containsExactly("h1"));
    nova.addHostToAggregate(aggs.get(0).id(), "rh1");
    stub.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/os-aggregates/7/action"))
        .withRequestBody(equalToJson("{\"add_host\": {\"host\": \"rh1\"}}")));
  }
}
