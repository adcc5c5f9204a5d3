package org.masakari.client.keystone;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.masakari.client.notifier.Outcome;
import org.masakari.client.notifier.RetryPolicy;

class KeystonePasswordAuthTest {
  private WireMockServer ks;

  @BeforeEach
  void start() {
    ks = new WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    ks.start();
  }

  @AfterEach
  void stop() {
    ks.stop();
  }

  private String catalog(String expiresAt) {
    String b = ks.baseUrl();
    return "{\"token\":{\"expires_at\":\"" + expiresAt + "\",\"catalog\":["
        + "{\"type\":\"compute\",\"endpoints\":[{\"interface\":\"internal\",\"region_id\":\"RegionTwo\",\"url\":\"" + b + "/compute\"}]},"
        + "{\"type\":\"instance-ha\",\"endpoints\":["
        + "{\"interface\":\"public\",\"region_id\":\"RegionTwo\",\"url\":\"" + b + "/public-ha/v1/p\"},"
        + "{\"interface\":\"internal\",\"region_id\":\"RegionOne\",\"url\":\"" + b + "/one-ha/v1/p\"},"
        + "{\"interface\":\"internal\",\"region_id\":\"RegionTwo\",\"url\":\"" + b + "/ha/v1/p\"}]}]}}";
  }

  private void stubTokens(String token, String expiresAt) {
    ks.stubFor(post("/identity/v3/auth/tokens").willReturn(aResponse().withStatus(201)
        .withHeader("X-Subject-Token", token).withHeader("Content-Type", "application/json")
        .withBody(catalog(expiresAt))));
  }

  private ApiOptions options(String... extra) {
    List<String> lines = new java.util.ArrayList<>(List.of("[api]",
        "auth_url = " + ks.baseUrl() + "/identity", "username = masakari",
        "user_domain_name = Default", "password = s3cret", "project_name = service",
        "project_domain_name = Default", "region = RegionTwo", "api_interface = internal"));
    lines.addAll(List.of(extra));
    return ApiOptions.from(IniFile.parse(Path.of("test.conf"), lines));
  }

  @Test
  void sendsKeystoneauthPasswordBodyAndPicksInterfaceAndRegionFromCatalog() {
    stubTokens("tok-1", "2099-01-01T00:00:00.000000Z");
    KeystonePasswordAuth auth = new KeystonePasswordAuth(options(), HttpClients.create(options()), Clock.systemUTC());
    ApiAccess a = auth.access();
    assertThat(a.endpoint()).isEqualTo(URI.create(ks.baseUrl() + "/ha/v1/p"));
    assertThat(a.token()).contains("tok-1");
    ks.verify(postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")).withRequestBody(equalToJson(
        "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"masakari\","
            + "\"domain\":{\"name\":\"Default\"},\"password\":\"s3cret\"}}},"
            + "\"scope\":{\"project\":{\"name\":\"service\",\"domain\":{\"name\":\"Default\"}}}}}")));
  }

  @Test
  void cachesTheTokenUntilShortlyBeforeExpiry() {
    stubTokens("tok-1", "2026-01-01T01:00:00.000000Z");
    AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    Clock clock = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId z) { return this; }
      @Override public Instant instant() { return now.get(); }
    };
    KeystonePasswordAuth auth = new KeystonePasswordAuth(options(), HttpClients.create(options()), clock);
    auth.access();
    auth.access();
    ks.verify(1, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
    now.set(Instant.parse("2026-01-01T00:59:30Z")); // inside the expiry margin
    auth.access();
    ks.verify(2, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
    auth.forget();
    auth.access();
    ks.verify(3, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
  }

  @Test
  void missingCatalogEntryIsAKeystoneError() {
    stubTokens("tok-1", "2099-01-01T00:00:00Z");
    ApiOptions o = options("region = RegionThree");
    KeystonePasswordAuth auth = new KeystonePasswordAuth(o, HttpClients.create(o), Clock.systemUTC());
    assertThatThrownBy(auth::access).isInstanceOf(KeystoneException.class)
        .hasMessageContaining("no instance-ha endpoint with interface internal in region RegionThree");
  }

  @Test
  void refusedCredentialsAreAKeystoneError() {
    ks.stubFor(post("/identity/v3/auth/tokens").willReturn(aResponse().withStatus(401).withBody("{\"error\":{}}")));
    KeystonePasswordAuth auth = new KeystonePasswordAuth(options(), HttpClients.create(options()), Clock.systemUTC());
    assertThatThrownBy(auth::access).isInstanceOf(KeystoneException.class).hasMessageContaining("HTTP 401");
  }

  @Test
  void notifierSendsTokenToCatalogEndpointAndReauthenticatesAfter401() throws Exception {
    ks.stubFor(post("/identity/v3/auth/tokens").inScenario("tok").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-1")
            .withBody(catalog("2099-01-01T00:00:00Z"))).willSetStateTo("issued-1"));
    ks.stubFor(post("/identity/v3/auth/tokens").inScenario("tok").whenScenarioStateIs("issued-1")
        .willReturn(aResponse().withStatus(201).withHeader("X-Subject-Token", "tok-2")
            .withBody(catalog("2099-01-01T00:00:00Z"))));
    ks.stubFor(post("/ha/v1/p/notifications").withHeader("X-Auth-Token", equalTo("tok-1"))
        .willReturn(aResponse().withStatus(401)));
    ks.stubFor(post("/ha/v1/p/notifications").withHeader("X-Auth-Token", equalTo("tok-2"))
        .willReturn(aResponse().withStatus(202)));
    try (MasakariNotifier n = MasakariNotifier.create(options(), new RetryPolicy(3, Duration.ofMillis(10)))) {
      Notification note = Notification.hostStarted("cmp-02", LocalDateTime.of(2026, 1, 1, 0, 0));
      assertThat(n.send(note).get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DELIVERED);
      assertThat(n.send(note).get(10, TimeUnit.SECONDS)).isEqualTo(Outcome.DELIVERED);
    }
    ks.verify(2, postRequestedFor(urlEqualTo("/identity/v3/auth/tokens")));
    ks.verify(1, postRequestedFor(urlEqualTo("/ha/v1/p/notifications")).withHeader("X-Auth-Token", equalTo("tok-1")));
    ks.verify(2, postRequestedFor(urlEqualTo("/ha/v1/p/notifications")).withHeader("X-Auth-Token", equalTo("tok-2")));
  }

  @Test
  void authUrlWithOrWithoutV3() {
    assertThat(KeystonePasswordAuth.tokensUrl(URI.create("http://h:5000/v3/")))
        .isEqualTo(URI.create("http://h:5000/v3/auth/tokens"));
    assertThat(KeystonePasswordAuth.tokensUrl(URI.create("http://h/identity")))
        .isEqualTo(URI.create("http://h/identity/v3/auth/tokens"));
  }
}
