package org.masakari.engine.integration;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.ConnectionFactory;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.masakari.core.db.Database;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.queue.RabbitWorkQueue;
import org.masakari.core.queue.TransportUrl;
import org.masakari.core.queue.WorkItem;
import org.masakari.engine.Engine;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.OpenStack4jNova;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TestDb;

/**
 * Real MariaDB (127.0.0.1:3306) and RabbitMQ (127.0.0.1:5672), clustered Quartz on the database, engines
 * competing for one quorum queue of our own name.
 */
@Tag("integration")
class TwoEnginesMariaDbRabbitTest {
  private static final String[] FAST_CLUSTERED = {"[engine]", "jdbc_job_store = true", "claim_heartbeat_interval = 0.2",
      "claim_stale_after = 1.5", "stale_claims_check_interval = 0.5", "max_concurrent_notifications = 8"};
  private final TransportUrl rabbit = TransportUrl.parse("rabbit://guest:guest@127.0.0.1:5672/");
  private final String queueName = "masakari-engtest-" + UUID.randomUUID();
  private final List<AutoCloseable> closing = new ArrayList<>();
  private TestDb db;
  private NovaStub nova;
  private RabbitWorkQueue publisher;

  @BeforeEach
  void start() {
    db = TestDb.mariaDb();
    nova = new NovaStub();
    publisher = new RabbitWorkQueue(rabbit, queueName).start();
    assertThat(publisher.awaitConnected(30, TimeUnit.SECONDS)).isTrue();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    publisher.close();
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    try (var c = f.newConnection(); var ch = c.createChannel()) {
      ch.queueDelete(queueName);
    }
    nova.close();
    db.close();
  }

  private Engine engine(String id, String... extra) {
    List<String> lines = new ArrayList<>(List.of(FAST_CLUSTERED));
    lines.add("engine_id = " + id);
    lines.addAll(List.of(extra));
    EngineOptions options = Options.fast(lines.toArray(String[]::new));
    Database pool = db.secondPool();
    RabbitWorkQueue queue = new RabbitWorkQueue(rabbit, queueName).start();
    assertThat(queue.awaitConnected(30, TimeUnit.SECONDS)).isTrue();
    Engine engine = Engine.start(options, pool, queue, new OpenStack4jNova(nova.credentials()));
    closing.add(pool);
    closing.add(queue);
    closing.add(engine);
    return engine;
  }

  @Test
  void twoEnginesProcess200NotificationsExactlyOnce() {
    String segment = db.segment("it-seg", RecoveryMethod.AUTO, true);
    List<WorkItem> items = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String host = "it-h" + i;
      String hostUuid = db.host(segment, host, false);
      String server = "it-s" + i;
      nova.service(host, "svc-" + i, "enabled", false);
      nova.serversOnHost(host, NovaStub.server(server, host, "active", null, true));
      nova.serverEvacuable(server, NovaStub.server(server, host, "active", null, true),
          NovaStub.server(server, "spare", "active", null, true));
      String n = db.notification(hostUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown(), NotificationStatus.NEW);
      items.add(new WorkItem(n, hostUuid, "COMPUTE_HOST"));
    }
    Engine a = engine("engine-a");
    Engine b = engine("engine-b");
    for (WorkItem item : items) {
      publisher.publish(item);
      publisher.publish(item);   // every message twice: duplicates must be no-ops
    }
    await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200))
        .until(() -> items.stream().allMatch(i -> db.status(i.notificationUuid()) == NotificationStatus.FINISHED));
    for (int i = 0; i < 200; i++) {
      assertThat(nova.actionCount("it-s" + i, "evacuate")).as("evacuations of it-s" + i).isEqualTo(1);
      assertThat(db.vmoves(items.get(i).notificationUuid())).singleElement()
          .satisfies(v -> assertThat(v.getStatus()).isEqualTo("succeeded"));
    }
    assertThat(a.processedCount() + b.processedCount()).isEqualTo(200);
    assertThat(a.processedCount()).isPositive();
    assertThat(b.processedCount()).isPositive();
  }

  @Test
  void killingAnEngineMidEvacuationLetsThePeerFinishWithoutEvacuatingTwice() throws Exception {
    String segment = db.segment("kill-seg", RecoveryMethod.AUTO, true);
    String hostUuid = db.host(segment, "kill-h", false);
    nova.service("kill-h", "svc-kill", "enabled", false);
    List<String> servers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      servers.add("k-s" + i);
    }
    nova.serversOnHost("kill-h", servers.stream().map(s -> NovaStub.server(s, "kill-h", "active", null, true))
        .toArray(String[]::new));
    // while the first engine runs, an accepted evacuation stays "rebuilding" on the failed host
    // and from the fifth server on Nova answers slowly, so the kill lands mid-evacuation however late a
    // loaded machine gets to it: with 4 threads the doomed engine cannot start more than 8 before it dies
    for (int i = 0; i < servers.size(); i++) {
      String s = servers.get(i);
      nova.serverEvacuable(s, NovaStub.server(s, "kill-h", "active", null, true),
          NovaStub.server(s, "kill-h", "active", "rebuilding", true), i < 4 ? 0 : 5000);
    }
    Path log = Files.createTempFile("engine-process", ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        EngineProcess.class.getName(), db.db().url().jdbcUrl(), queueName, nova.credentials().authUrl()));
    cmd.addAll(List.of("[DEFAULT]", "verify_interval = 0.05", "wait_period_after_evacuation = 120",
        "host_failure_recovery_threads = 4"));
    cmd.addAll(List.of(FAST_CLUSTERED));
    cmd.add("engine_id = doomed");
    cmd.add("poll_initial_interval = 0.01");
    Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(90)).until(() -> Files.readString(log).contains("READY"));
      String n = db.notification(hostUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown(), NotificationStatus.NEW);
      publisher.publish(new WorkItem(n, hostUuid, "COMPUTE_HOST"));
      await().atMost(Duration.ofSeconds(60)).until(() -> servers.stream().filter(s -> nova.actionCount(s, "evacuate") > 0)
          .count() >= 4);
      child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      long evacuatedByTheDead = servers.stream().filter(s -> nova.actionCount(s, "evacuate") > 0).count();
      assertThat(db.status(n)).isEqualTo(NotificationStatus.RUNNING);
      // Nova finishes the rebuilds it accepted: those servers now run elsewhere
      for (String s : servers) {
        nova.stub(get(urlEqualTo(NovaStub.COMPUTE + "/servers/" + s)).inScenario("srv-" + s).whenScenarioStateIs("moved")
            .willReturn(NovaStub.json(200, "{\"server\": " + NovaStub.server(s, "spare", "active", null, true) + "}")));
      }
      engine("survivor");
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
          .until(() -> db.status(n) == NotificationStatus.FINISHED);
      for (String s : servers) {
        assertThat(nova.actionCount(s, "evacuate")).as("evacuations of " + s).isEqualTo(1);
      }
      assertThat(db.vmoves(n)).hasSize(12).allSatisfy(v -> assertThat(v.getStatus()).isEqualTo("succeeded"));
      assertThat(evacuatedByTheDead).isBetween(4L, 11L);
    } finally {
      child.destroyForcibly();
      printTail(log);
    }
  }

  private static void printTail(Path log) throws Exception {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(log), StandardCharsets.UTF_8))) {
      List<String> lines = r.lines().toList();
      lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> System.err.println("[child] " + l));
    }
    Files.deleteIfExists(log);
  }
}
