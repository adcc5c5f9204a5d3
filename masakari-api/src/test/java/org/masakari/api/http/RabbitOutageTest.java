package org.masakari.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.HttpResult;
import org.masakari.api.support.TestDatabase;

/**
 * Stops the machine's RabbitMQ (the broker application, as a restart would) while notifications are
 * created, and shows that every one of them reaches the work queue once the broker is back: the API
 * keeps answering 202 (the outbox row commits with the notification) and the sweep republishes.
 */
class RabbitOutageTest {

  private static void rabbitmqctl(String action) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("rabbitmqctl", action).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("rabbitmqctl " + action + ": " + out).isZero();
  }

  @Test
  void notificationsCreatedDuringABrokerOutageAreDeliveredAfterwards() throws Exception {
    String queue = "masakari.test.outage." + UUID.randomUUID();
    try (ApiFixture api = ApiFixture.start(TestDatabase.Kind.MARIADB, List.of(
        "transport_url = rabbit://guest:guest@127.0.0.1:5672/", "outbox_sweep_interval = 1",
        "[masakari_java]", "work_queue_name = " + queue), null, null)) {
      Set<String> delivered = ConcurrentHashMap.newKeySet();
      api.core().queue().subscribe(item -> {
        delivered.add(item.notificationUuid());
        return CompletableFuture.completedFuture(null);
      }, 50);
      String seg = api.segment("outage-" + UUID.randomUUID().toString().substring(0, 6), "auto");
      Set<String> created = ConcurrentHashMap.newKeySet();
      String before = createNotification(api, seg, "before");
      created.add(before);
      await().atMost(Duration.ofSeconds(30)).until(() -> delivered.contains(before));

      rabbitmqctl("stop_app");
      try {
        for (int i = 0; i < 10; i++) {
          created.add(createNotification(api, seg, "during-" + i));
        }
      } finally {
        rabbitmqctl("start_app");
      }
      for (int i = 0; i < 5; i++) {
        created.add(createNotification(api, seg, "after-" + i));
      }
      await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
          .untilAsserted(() -> assertThat(delivered).containsAll(created));
      await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outboxRows(api)).isZero());
    }
  }

  private static long outboxRows(ApiFixture api) {
    return api.core().database().tx().call(s ->
        s.createQuery("select count(o) from OutboxEntry o", Long.class).getSingleResult());
  }

  private static String createNotification(ApiFixture api, String seg, String tag) {
    String host = "h-" + tag + "-" + UUID.randomUUID().toString().substring(0, 6);
    api.host(seg, host);
    HttpResult r = api.post("/v1/notifications", "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"" + host
        + "\",\"generated_time\":\"" + LocalDateTime.now(ZoneOffset.UTC).withNano(0)
        + "\",\"payload\":{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}");
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    return r.json().at("/notification/notification_uuid").asText();
  }
}
