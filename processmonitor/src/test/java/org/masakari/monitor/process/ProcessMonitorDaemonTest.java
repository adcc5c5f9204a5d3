package org.masakari.monitor.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes (sleep with a unique argument), real restarts, a capture API on 127.0.0.1. */
class ProcessMonitorDaemonTest {
  @TempDir Path dir;
  private WireMockServer api;
  private ProcessMonitorDaemon daemon;
  private final String run = String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
  private final String restartable = "7001." + run;
  private final String unrestartable = "7002." + run;
  private final String preFails = "7003." + run;

  @BeforeEach
  void start() {
    api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(post("/v1/notifications").willReturn(aResponse().withStatus(202)));
  }

  @AfterEach
  void stop() {
    if (daemon != null) {
      daemon.close();
    }
    api.stop();
    for (String marker : List.of(restartable, unrestartable, preFails)) {
      pids(marker).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    }
  }

  private static List<Long> pids(String sleepArg) {
    return ProcessTable.system().snapshot().stream()
        .filter(p -> p.argv().size() == 2 && p.argv().get(0).endsWith("sleep") && p.argv().get(1).equals(sleepArg))
        .map(ProcessTable.ProcessInfo::pid).toList();
  }

  private static void kill(String sleepArg) {
    pids(sleepArg).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  private static String entry(String name, String start, String pre, String restart, String post) {
    return "- process_name: " + name + "\n  start_command: " + start + "\n  pre_start_command:\n"
        + "  post_start_command:\n  restart_command: " + restart + "\n  pre_restart_command: " + pre
        + "\n  post_restart_command: " + post + "\n  run_as_root: false\n";
  }

  private Path writeConfig() throws Exception {
    Path list = dir.resolve("process_list.yaml");
    Files.writeString(list,
        entry("sleep " + restartable, "setsid -f sleep " + restartable, "",
            "setsid -f sleep " + restartable, "touch " + dir.resolve("post-ran"))
        + entry("/usr/bin/sleep " + unrestartable, "setsid -f /usr/bin/sleep " + unrestartable, "",
            "/bin/false", "")
        + entry("sleep " + preFails, "setsid -f sleep " + preFails, "/bin/false",
            "touch " + dir.resolve("restart-ran"), ""));
    Path conf = dir.resolve("masakarimonitors.conf");
    Files.writeString(conf, String.join("\n", "[DEFAULT]", "hostname = compute-7",
        "[api]", "auth_type = none", "endpoint = " + api.baseUrl() + "/v1",
        "[process]", "check_interval = 0.2", "restart_retries = 2", "restart_interval = 0.3",
        "api_retry_max = 0", "process_list_path = " + list,
        "[status]", "processmonitor_port = 0", ""));
    return conf;
  }

  private int notifications() {
    return api.findAll(postRequestedFor(urlEqualTo("/v1/notifications"))).size();
  }

  @Test
  void restartsWhatItCanAndReportsEachUnrecoverableProcessExactlyOnce() throws Exception {
    daemon = ProcessMonitorDaemon.start(ProcessMonitorConfig.load(writeConfig()));
    await().atMost(Duration.ofSeconds(10)).until(() -> pids(restartable).size() == 1
        && pids(unrestartable).size() == 1 && pids(preFails).size() == 1);
    long firstPid = pids(restartable).get(0);

    kill(restartable);
    kill(unrestartable);
    kill(preFails);

    await().atMost(Duration.ofSeconds(15)).until(() -> notifications() == 2);
    assertThat(pids(restartable)).hasSize(1).doesNotContain(firstPid);
    assertThat(dir.resolve("post-ran")).exists();
    assertThat(dir.resolve("restart-ran")).doesNotExist(); // pre_restart failed every attempt
    api.verify(1, postRequestedFor(urlEqualTo("/v1/notifications")).withRequestBody(
        matchingJsonPath("$.notification.payload.process_name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("sleep " + unrestartable))));
    api.verify(1, postRequestedFor(urlEqualTo("/v1/notifications")).withRequestBody(equalToJson(
        "{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"compute-7\",\"generated_time\":\"${json-unit.any-string}\","
            + "\"payload\":{\"event\":\"STOPPED\",\"process_name\":\"sleep " + preFails + "\"}}}")));

    // several more cycles: no restart storm, no second notification
    await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> notifications() == 2);

    // seen running again → forgotten; a new failure is restarted and reported anew
    new ProcessBuilder("setsid", "-f", "/usr/bin/sleep", unrestartable).start().waitFor();
    await().atMost(Duration.ofSeconds(5)).until(() -> metricsText().contains("masakari_processmonitor_processes_down 1"));
    kill(unrestartable);
    await().atMost(Duration.ofSeconds(15)).until(() -> notifications() == 3);
  }

  @Test
  void exposesMetricsAndHealth() throws Exception {
    daemon = ProcessMonitorDaemon.start(ProcessMonitorConfig.load(writeConfig()));
    await().atMost(Duration.ofSeconds(10)).until(() -> metricsText().contains("masakari_processmonitor_processes 3"));
    HttpResponse<String> health = get("/healthz");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(metricsText()).contains("# TYPE masakari_processmonitor_cycles_total counter",
        "masakari_monitor_notifications_total{outcome=\"dropped\"} 0");
  }

  private String metricsText() throws Exception {
    return get("/metrics").body();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + daemon.statusPort() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
