package org.masakari.client.notifier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.masakari.client.keystone.FixedEndpoint;

class MasakariNotifierTest {
  private static final Notification N = Notification.processStopped("compute-01",
      LocalDateTime.of(2026, 8, 21, 10, 15, 31, 500_000_000), "/usr/bin/nova-compute");
  private static final String BODY = NotificationJson.body(N);
  private static final RetryPolicy FAST = new RetryPolicy(2, Duration.ofMillis(20));

  private WireMockServer api;
  private MasakariNotifier notifier;

  @BeforeEach
  void start() {
    api = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    notifier = newNotifier(URI.create(api.baseUrl() + "/v1/proj/"), FAST);
  }

  private static MasakariNotifier newNotifier(URI endpoint, RetryPolicy retry) {
    return new MasakariNotifier(new FixedEndpoint(endpoint), HttpClient.newHttpClient(), retry,
        Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    notifier.close();
    api.stop();
  }

  private Outcome sendAndWait() throws Exception {
    return notifier.send(N).get(10, TimeUnit.SECONDS);
  }

  @Test
  void postsTheUpstreamBodyWithoutTokenWhenAuthIsNone() throws Exception {
    api.stubFor(post("/v1/proj/notifications").willReturn(aResponse().withStatus(202).withBody("{}")));
    assertThat(sendAndWait()).isEqualTo(Outcome.DELIVERED);
    api.verify(1, postRequestedFor(urlEqualTo("/v1/proj/notifications"))
        .withHeader("Content-Type", equalTo("application/json"))
        .withHeader("X-Auth-Token", absent())
        .withRequestBody(equalToJson("{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"compute-01\","
            + "\"generated_time\":\"2026-08-21T10:15:31.500000\","
            + "\"payload\":{\"event\":\"STOPPED\",\"process_name\":\"nova-compute\"}}}")));
    assertThat(notifier.stats().delivered()).isEqualTo(1);
  }

  @Test
  void badRequestIsNotRetried() throws Exception {
    api.stubFor(post("/v1/proj/notifications").willReturn(aResponse().withStatus(400)));
    assertThat(sendAndWait()).isEqualTo(Outcome.REJECTED);
    api.verify(1, postRequestedFor(urlEqualTo("/v1/proj/notifications")));
  }

  @Test
  void conflictIsNotRetried() throws Exception {
    api.stubFor(post("/v1/proj/notifications").willReturn(aResponse().withStatus(409)));
    assertThat(sendAndWait()).isEqualTo(Outcome.REJECTED);
    api.verify(1, postRequestedFor(urlEqualTo("/v1/proj/notifications")));
    assertThat(notifier.stats().rejected()).isEqualTo(1);
  }

  @Test
  void serverErrorIsRetriedRetryMaxTimesThenDropped() throws Exception {
    api.stubFor(post("/v1/proj/notifications").willReturn(aResponse().withStatus(503)));
    assertThat(sendAndWait()).isEqualTo(Outcome.DROPPED);
    api.verify(3, postRequestedFor(urlEqualTo("/v1/proj/notifications")).withRequestBody(equalTo(BODY)));
    assertThat(notifier.stats().dropped()).isEqualTo(1);
    assertThat(notifier.stats().attempts()).isEqualTo(3);
  }

  @Test
  void notFoundAndUnauthorizedAreRetriedToo() throws Exception {
    api.stubFor(post("/v1/proj/notifications").inScenario("s").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(404)).willSetStateTo("second"));
    api.stubFor(post("/v1/proj/notifications").inScenario("s").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(401)).willSetStateTo("third"));
    api.stubFor(post("/v1/proj/notifications").inScenario("s").whenScenarioStateIs("third")
        .willReturn(aResponse().withStatus(202)));
    assertThat(sendAndWait()).isEqualTo(Outcome.DELIVERED);
    api.verify(3, postRequestedFor(urlEqualTo("/v1/proj/notifications")));
  }

  @Test
  void zeroRetriesMeansOneAttempt() throws Exception {
    notifier.close();
    notifier = newNotifier(URI.create(api.baseUrl() + "/v1/proj"), new RetryPolicy(0, Duration.ZERO));
    api.stubFor(post("/v1/proj/notifications").willReturn(aResponse().withStatus(500)));
    assertThat(sendAndWait()).isEqualTo(Outcome.DROPPED);
    api.verify(1, postRequestedFor(urlEqualTo("/v1/proj/notifications")));
  }

  @Test
  void warmUpGetsTheEndpointOnceAndReportsItsStatus() throws Exception {
    api.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v1/proj/")
        .willReturn(aResponse().withStatus(200).withBody("{}")));
    assertThat(notifier.warmUp().get(10, TimeUnit.SECONDS)).isEqualTo(200);
    api.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlEqualTo("/v1/proj/")));
    assertThat(notifier.stats().attempts()).isZero(); // not a notification
  }

  @Test
  void unreachableApiIsRetriedThenDropped() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    notifier.close();
    notifier = newNotifier(URI.create("http://127.0.0.1:" + closedPort + "/v1"), FAST);
    assertThat(sendAndWait()).isEqualTo(Outcome.DROPPED);
    assertThat(notifier.stats().attempts()).isEqualTo(3);
  }
}
