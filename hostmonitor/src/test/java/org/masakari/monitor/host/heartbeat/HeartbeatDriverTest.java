package org.masakari.monitor.host.heartbeat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.client.config.IniFile;
import org.masakari.client.keystone.FixedEndpoint;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.RetryPolicy;
import org.masakari.monitor.host.ExternalCommand;
import org.masakari.monitor.host.StopSignal;
import org.masakari.monitor.host.power.IpmiPowerCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three heartbeat drivers in one JVM on 127.77.x.y loopback addresses, two networks, real UDP
 * through relays the test can cut; one capture API. The detection time is logged, never asserted.
 */
class HeartbeatDriverTest {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatDriverTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NODES = 3;
  private static final int NETWORKS = 2;
  @TempDir Path dir;
  private WireMockServer api;
  private UdpRelays relays;
  private int port;
  private final List<HeartbeatDriver> drivers = new ArrayList<>();
  private final List<MasakariNotifier> notifiers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(post("/v1/notifications").willReturn(aResponse().withStatus(202)));
    try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(UdpRelays.real(1, 1), 0))) {
      port = probe.getLocalPort();
    }
    relays = new UdpRelays(NODES, NETWORKS, port);
  }

  @AfterEach
  void stop() throws Exception {
    drivers.forEach(HeartbeatDriver::close);
    notifiers.forEach(MasakariNotifier::close);
    relays.close();
    api.stop();
  }

  private static String name(int i) {
    return "cmp-" + i;
  }

  private HeartbeatOptions options(int self, double interval, double deadAfter, String... extra) {
    List<String> lines = new ArrayList<>(List.of("[heartbeat]", "networks = management, storage",
        "port = " + port, "interval = " + interval, "dead_after = " + deadAfter, "auth_key = s3cret"));
    String[] nets = {"management", "storage"};
    for (int k = 1; k <= NETWORKS; k++) {
      List<String> pairs = new ArrayList<>();
      for (int j = 1; j <= NODES; j++) {
        pairs.add(name(j) + "=" + (j == self ? UdpRelays.real(k, j) : UdpRelays.relayAddress(k, self, j)));
      }
      lines.add(nets[k - 1] + "_addresses = " + String.join(", ", pairs));
    }
    lines.addAll(List.of(extra));
    return HeartbeatOptions.from(IniFile.parse(Path.of("node" + self + ".conf"), lines).section("heartbeat"), name(self));
  }

  private void startNodes(double interval, double deadAfter, boolean confirmPowerOff, String... extra) throws Exception {
    Path fakeIpmi = dir.resolve("ipmitool");
    Files.writeString(fakeIpmi, "#!/bin/sh\necho \"$*\" >> '" + dir.resolve("ipmi.calls") + "'\necho 'Chassis Power is off'\n");
    Files.setPosixFilePermissions(fakeIpmi, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (int i = 1; i <= NODES; i++) {
      StopSignal stop = new StopSignal();
      MasakariNotifier n = new MasakariNotifier(new FixedEndpoint(URI.create(api.baseUrl() + "/v1")),
          java.net.http.HttpClient.newHttpClient(), new RetryPolicy(0, Duration.ZERO), Duration.ofSeconds(30));
      IpmiPowerCheck power = new IpmiPowerCheck(new ExternalCommand(List.of(dir), Duration.ofSeconds(10)),
          Duration.ofSeconds(5), 0, Duration.ZERO, stop);
      HeartbeatDriver d = new HeartbeatDriver(name(i), options(i, interval, deadAfter, extra), confirmPowerOff,
          power, n, Clock.systemUTC(), stop);
      notifiers.add(n);
      drivers.add(d);
      d.start();
    }
    await().atMost(Duration.ofSeconds(30)).until(() ->
        drivers.stream().allMatch(d -> d.metrics().contains("masakari_hostmonitor_peers_alive 2")));
  }

  private List<String> captured() {
    return api.findAll(postRequestedFor(urlEqualTo("/v1/notifications"))).stream().map(r -> {
      try {
        var n = JSON.readTree(r.getBodyAsString()).path("notification");
        var p = n.path("payload");
        return n.path("hostname").asText() + ":" + p.path("event").asText() + "/" + p.path("cluster_status").asText()
            + "/" + p.path("host_status").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void aStoppedMonitorIsReportedExactlyOnceAtOneSecondHeartbeats() throws Exception {
    startNodes(1, 3, false);
    long stoppedAt = System.currentTimeMillis();
    drivers.get(2).close(); // cmp-3's monitor dies: silent on both networks
    await().atMost(Duration.ofSeconds(30)).until(() -> captured().size() >= 1);
    long detected = api.findAll(postRequestedFor(urlEqualTo("/v1/notifications"))).get(0).getLoggedDate().getTime();
    LOG.info("FIGURE heartbeat interval 1 s, dead_after 3 s: monitor stopped -> COMPUTE_HOST STOPPED received: {} ms",
        detected - stoppedAt);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> captured().size() == 1);
    assertThat(captured()).containsExactly("cmp-3:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void twoPlusOnePartitionThePairReportsTheSingleNodeOnceWhichReportsNothing() throws Exception {
    startNodes(0.25, 2, true, "ipmi_addresses = cmp-1=192.0.2.1, cmp-2=192.0.2.2, cmp-3=192.0.2.3",
        "ipmi_userid = admin", "ipmi_passwd = pw");
    for (int k = 1; k <= NETWORKS; k++) {
      relays.cut(k, 3, 1);
      relays.cut(k, 3, 2);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> captured().size() >= 1);
    await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> captured().size() == 1);
    assertThat(captured()).containsExactly("cmp-3:STOPPED/OFFLINE/NORMAL"); // power-off confirmed by (fake) IPMI
    assertThat(Files.readAllLines(dir.resolve("ipmi.calls")))
        .containsExactly("-U admin -P pw -I lanplus -H 192.0.2.3 power status");
    // healed: the reporter tells the API the host is back, once
    relays.healAll();
    await().atMost(Duration.ofSeconds(30)).until(() -> captured().size() == 2);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> captured().size() == 2);
    assertThat(captured().get(1)).isEqualTo("cmp-3:STARTED/ONLINE/NORMAL");
  }

  @Test
  void losingOneNetworkIsNotAHostFailure() throws Exception {
    startNodes(0.25, 2, false);
    relays.cut(2, 3, 1);
    relays.cut(2, 3, 2);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> captured().isEmpty());
    // the marker: now cut management too, and the failure is reported
    relays.cut(1, 3, 1);
    relays.cut(1, 3, 2);
    await().atMost(Duration.ofSeconds(30)).until(() -> captured().size() == 1);
    assertThat(captured()).containsExactly("cmp-3:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void withoutPowerOffConfirmationTheHostIsReportedUnknown() throws Exception {
    startNodes(0.25, 2, true); // no ipmi_addresses
    drivers.get(0).close(); // cmp-1, the usual reporter, dies: cmp-2 must report
    await().atMost(Duration.ofSeconds(30)).until(() -> captured().size() >= 1);
    await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> captured().size() == 1);
    assertThat(captured()).containsExactly("cmp-1:STOPPED/OFFLINE/UNKNOWN");
  }
}
