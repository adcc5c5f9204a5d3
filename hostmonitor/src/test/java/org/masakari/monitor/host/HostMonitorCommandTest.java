package org.masakari.monitor.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HostMonitorCommandTest {
  private static final String API = "[api]\nauth_type = none\nendpoint = http://127.0.0.1:9/v1\n";
  @TempDir Path dir;

  private String runExpectingConfigError(String conf) throws Exception {
    Path f = dir.resolve("masakarimonitors.conf");
    Files.writeString(f, conf);
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new HostMonitorCommand()).execute("--config", f.toString()))
          .isEqualTo(HostMonitorCommand.EXIT_CONFIG);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownDriverNamesFileLineAndOption() throws Exception {
    assertThat(runExpectingConfigError(API + "[host]\nmonitoring_driver = corosync\n"))
        .contains(dir.resolve("masakarimonitors.conf") + ":5 [host] monitoring_driver: 'corosync' is not one of");
  }

  @Test
  void unimplementedUpstreamDriverIsRefusedAtStartUp() throws Exception {
    assertThat(runExpectingConfigError(API + "[host]\nmonitoring_driver = consul\n"))
        .contains(":5 [host] monitoring_driver: 'consul' is not implemented");
  }

  @Test
  void heartbeatDriverChecksItsSection() throws Exception {
    String hb = API + "[DEFAULT]\nhostname = cmp-1\n[host]\nmonitoring_driver = heartbeat\n[heartbeat]\n";
    assertThat(runExpectingConfigError(hb)).contains("[heartbeat] management_addresses: required");
    assertThat(runExpectingConfigError(hb + "management_addresses = cmp-2=127.0.0.2\n"))
        .contains(":9 [heartbeat] management_addresses: does not list this host 'cmp-1'");
    assertThat(runExpectingConfigError(hb + "management_addresses = cmp-1=127.0.0.2\ninterval = 1\ndead_after = 1.5\n"))
        .contains(":11 [heartbeat] dead_after: must be at least twice interval");
    assertThat(runExpectingConfigError(hb + "management_addresses = cmp-1=some.host\n"))
        .contains("[heartbeat] management_addresses: 'some.host' is not an IP address");
  }

  @Test
  void daemonServesMetricsAndHealth() throws Exception {
    int port;
    try (java.net.DatagramSocket probe = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.77.9.10", 0))) {
      port = probe.getLocalPort();
    }
    Path f = dir.resolve("ok.conf");
    Files.writeString(f, API + "[DEFAULT]\nhostname = cmp-1\n[host]\nmonitoring_driver = heartbeat\n"
        + "[heartbeat]\nmanagement_addresses = cmp-1=127.77.9.10\nport = " + port + "\ninterval = 0.2\ndead_after = 1\n"
        + "[status]\nhostmonitor_port = 0\n");
    try (HostMonitorDaemon d = HostMonitorDaemon.start(HostMonitorConfig.load(f))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + d.statusPort() + "/healthz")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + d.statusPort() + "/metrics"))
          .build(), HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("masakari_hostmonitor_peers_alive 0",
          "masakari_monitor_notifications_total{outcome=\"dropped\"} 0");
    }
  }
}
