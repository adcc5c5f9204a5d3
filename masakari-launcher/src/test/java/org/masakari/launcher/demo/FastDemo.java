package org.masakari.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.HostStatus;
import org.masakari.client.notifier.Notification;
import org.masakari.client.notifier.NotificationJson;
import org.masakari.sim.cloud.CloudSettings;

/**
 * Test support: the demo cloud on free ports with short simulator delays and engine polls, and the
 * monitors' notification bodies (built by the notifier's own classes, so they are byte for byte what
 * hostmonitor, instancemonitor and processmonitor send).
 */
final class FastDemo {
  static final Set<String> TERMINAL = Set.of("finished", "ignored", "error", "failed");
  static final Duration RECOVERY_LIMIT = Duration.ofSeconds(90);

  private FastDemo() {}

  static DemoCloud start(Path dataDir, String recoveryMethod) {
    return DemoCloud.start(DemoOptions.defaults(dataDir, "127.0.0.1", 0).withSimPorts(0, 0)
        .withRecoveryMethod(recoveryMethod)
        .withSettings(CloudSettings.defaults().withRebuildDelay(Duration.ofMillis(300))
            .withPowerDelays(Duration.ofMillis(200), Duration.ofMillis(200)))
        .withExtraLines(List.of("[DEFAULT]", "verify_interval = 0.2", "[engine]", "poll_initial_interval = 0.05")));
  }

  static String hostStopped(String host) {
    return NotificationJson.body(Notification.hostStopped(host, GeneratedTime.now(Clock.systemUTC()), HostStatus.NORMAL));
  }

  static String vmCrashed(String host, String instanceId) {
    return NotificationJson.body(Notification.vmEvent(host, GeneratedTime.now(Clock.systemUTC()), "LIFECYCLE",
        java.util.UUID.fromString(instanceId), "STOPPED_FAILED"));
  }

  static String processStopped(String host, String process) {
    return NotificationJson.body(Notification.processStopped(host, GeneratedTime.now(Clock.systemUTC()), process));
  }

  /** Posts a notification as a monitor does and returns its uuid. */
  static String notify(MasakariApiClient api, String body) throws Exception {
    MasakariApiClient.Response r = api.post("/notifications", body);
    assertThat(r.status()).as("POST /notifications: %s", r.body()).isEqualTo(202);
    return r.body().path("notification").path("notification_uuid").asText();
  }

  /** Waits for a terminal status and returns the notification as {@code GET /notifications/{id}} shows it. */
  static JsonNode awaitOutcome(MasakariApiClient api, String notification) {
    AtomicReference<JsonNode> last = new AtomicReference<>();
    await().atMost(RECOVERY_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode n = api.get("/notifications/" + notification).body().path("notification");
      last.set(n);
      return TERMINAL.contains(n.path("status").asText());
    });
    return last.get();
  }

  static JsonNode host(MasakariApiClient api, String segment, String name) throws Exception {
    for (JsonNode h : api.get("/segments/" + segment + "/hosts").body().path("hosts")) {
      if (name.equals(h.path("name").asText())) {
        return h;
      }
    }
    throw new AssertionError("no host " + name + " in segment " + segment);
  }
}
