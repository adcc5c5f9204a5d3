package org.masakari.monitor.instance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Against a real libvirtd and two tiny qemu domains (libvirt-lab.sh). Each test leaves both
 * domains running. The kill→notification latency is logged as a figure, never asserted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InstanceMonitorLibvirtTest {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceMonitorLibvirtTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final LibvirtLab LAB = new LibvirtLab();
  private static WireMockServer api;
  private static InstanceMonitorDaemon daemon;
  @TempDir static Path dir;

  @BeforeAll
  static void up() throws Exception {
    LAB.ensureInstalled();
    LAB.run(300, "up", "2");
    api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(post("/v1/notifications").willReturn(aResponse().withStatus(202)));
    Path conf = dir.resolve("masakarimonitors.conf");
    Files.writeString(conf, String.join("\n", "[DEFAULT]", "hostname = compute-lab",
        "[api]", "auth_type = none", "endpoint = " + api.baseUrl() + "/v1",
        "[callback]", "retry_max = 0", "[libvirt]", "connection_uri = qemu:///system", "max_backoff = 2",
        "[status]", "instancemonitor_port = 0", ""));
    daemon = InstanceMonitorDaemon.start(InstanceMonitorConfig.load(conf));
    await().atMost(Duration.ofSeconds(30)).until(InstanceMonitorLibvirtTest::connectedViaMetrics);
  }

  @AfterAll
  static void down() {
    if (daemon != null) {
      daemon.close();
    }
    if (api != null) {
      api.stop();
    }
    LAB.run(120, "down");
  }

  @BeforeEach
  void clearCapture() {
    api.resetRequests();
  }

  private static boolean connectedViaMetrics() throws Exception {
    var resp = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + daemon.statusPort() + "/metrics")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    return resp.body().lines().anyMatch("masakari_instancemonitor_libvirt_connected 1"::equals);
  }

  private static List<LoggedRequest> captured(int domain) {
    return api.findAll(postRequestedFor(urlEqualTo("/v1/notifications"))).stream()
        .filter(r -> payload(r).path("instance_uuid").asText().equals(LibvirtLab.uuid(domain))).toList();
  }

  private static JsonNode payload(LoggedRequest r) {
    try {
      return JSON.readTree(r.getBodyAsString()).path("notification").path("payload");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> events(int domain) {
    return captured(domain).stream().map(r -> payload(r).path("event").asText() + "/"
        + payload(r).path("vir_domain_event").asText()).toList();
  }

  private static void startAgain(int n) {
    LAB.run(60, "start", Integer.toString(n));
    await().atMost(Duration.ofSeconds(30)).until(() -> LAB.virsh("domstate", LibvirtLab.name(n)).strip().equals("running"));
  }

  @Test
  @Order(1)
  void killNineOfQemuGivesExactlyOneStoppedFailed() throws Exception {
    for (int round = 1; round <= 3; round++) {
      api.resetRequests();
      long pid = LAB.qemuPid(1);
      long killedAt = System.currentTimeMillis();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      await().atMost(Duration.ofSeconds(10)).until(() -> captured(1).size() == 1);
      JsonNode body = JSON.readTree(captured(1).get(0).getBodyAsString()).path("notification");
      long eventAt = java.time.LocalDateTime.parse(body.path("generated_time").asText())
          .toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
      LOG.info("FIGURE round {}: kill -9 qemu -> libvirt event in the monitor {} ms -> POST received by the API {} ms",
          round, eventAt - killedAt, captured(1).get(0).getLoggedDate().getTime() - killedAt);
      assertThat(body.path("type").asText()).isEqualTo("VM");
      assertThat(body.path("hostname").asText()).isEqualTo("compute-lab");
      assertThat(body.path("generated_time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?");
      assertThat(events(1)).containsExactly("LIFECYCLE/STOPPED_FAILED");
      await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> captured(1).size() == 1);
      startAgain(1);
      assertThat(captured(1)).hasSize(1); // start/resume events are not reported
    }
  }

  @Test
  @Order(2)
  void destroyGivesStoppedDestroyedAndNotTheHostShutdownDetail() {
    LAB.virsh("destroy", LibvirtLab.name(2));
    await().atMost(Duration.ofSeconds(10)).until(() -> captured(2).size() >= 1);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> captured(2).size() == 1);
    assertThat(events(2)).containsExactly("LIFECYCLE/STOPPED_DESTROYED");
    startAgain(2);
  }

  @Test
  @Order(3)
  void sigtermOfQemuGivesStoppedShutdown() throws Exception {
    ProcessHandle.of(LAB.qemuPid(2)).orElseThrow().destroy();
    await().atMost(Duration.ofSeconds(10)).until(() -> captured(2).size() >= 1);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> captured(2).size() == 1);
    assertThat(events(2)).containsExactly("LIFECYCLE/STOPPED_SHUTDOWN");
    startAgain(2);
  }

  @Test
  @Order(4)
  void suspendAndResumeAreNotReported() {
    LAB.virsh("suspend", LibvirtLab.name(2));
    LAB.virsh("resume", LibvirtLab.name(2));
    LAB.virsh("destroy", LibvirtLab.name(2)); // a marker event: everything before it has been handled
    await().atMost(Duration.ofSeconds(10)).until(() -> captured(2).size() >= 1);
    assertThat(events(2)).containsExactly("LIFECYCLE/STOPPED_DESTROYED");
    startAgain(2);
  }

  @Test
  @Order(5)
  void qemuDyingWhileLibvirtdIsDownIsReportedAfterReconnect() throws Exception {
    long pid = LAB.qemuPid(1);
    LAB.run(60, "libvirtd-stop");
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(pid).isEmpty());
    LAB.run(60, "libvirtd-start");
    await().atMost(Duration.ofSeconds(30)).until(() -> captured(1).size() >= 1);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> captured(1).size() == 1);
    assertThat(events(1)).containsExactly("LIFECYCLE/STOPPED_FAILED");
    assertThat(captured(2)).isEmpty(); // domain 2 kept running across the restart
    await().atMost(Duration.ofSeconds(30)).until(InstanceMonitorLibvirtTest::connectedViaMetrics);
    startAgain(1);
  }
}
