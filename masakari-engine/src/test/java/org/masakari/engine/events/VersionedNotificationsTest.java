package org.masakari.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.Options;

/** notification.process.* on a real RabbitMQ (127.0.0.1:5672), our own exchange and queue. */
@Tag("integration")
class VersionedNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void processEventsCarryTheStoredOutcomeAndARealFault() throws Exception {
    String exchange = "masakari-engtest-" + UUID.randomUUID();
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    try (Connection c = f.newConnection(); Channel ch = c.createChannel(); EngineHarness e = new EngineHarness()) {
      ch.exchangeDeclare(exchange, "topic", false);
      String q = ch.queueDeclare().getQueue();
      ch.queueBind(q, exchange, "versioned_notifications.*");
      e.start(Options.fast("[DEFAULT]", "control_exchange = " + exchange, "host = engine-host-1",
          "[oslo_messaging_notifications]", "driver = messagingv2",
          "transport_url = rabbit://guest:guest@127.0.0.1:5672/"));
      String seg = e.db.segment("vn", RecoveryMethod.AUTO, true);
      String hostName = EngineHarness.unique("vn");
      String host = e.db.host(seg, hostName, false);
      String ignored = e.notify(host, NotificationType.VM,
          "{\"event\":\"LIFECYCLE\",\"instance_uuid\":\"x\",\"vir_domain_event\":\"STOPPED_DESTROYED\"}");
      assertThat(e.awaitEnd(ignored)).isEqualTo(NotificationStatus.IGNORED);
      e.nova.noService(hostName);
      String failing = e.notify(host, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
      assertThat(e.awaitEnd(failing)).isEqualTo(NotificationStatus.ERROR);

      List<JsonNode> events = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        GetResponse r = ch.basicGet(q, true);
        if (r != null) {
          JsonNode envelope = JSON.readTree(r.getBody());
          assertThat(envelope.path("oslo.version").asText()).isEqualTo("2.0");
          events.add(JSON.readTree(envelope.path("oslo.message").asText()));
          keys.add(r.getEnvelope().getRoutingKey());
        }
        return events.stream().filter(m -> m.path("event_type").asText().startsWith("notification.")).count() >= 4;
      });
      // the failed host went on maintenance: announced as host.update by the engine
      List<JsonNode> hostUpdates = events.stream().filter(m -> m.path("event_type").asText().startsWith("host.")).toList();
      assertThat(hostUpdates).extracting(m -> m.path("event_type").asText())
          .containsExactly("host.update.start", "host.update.end");
      JsonNode updated = hostUpdates.get(1).path("payload").path("masakari_object.data");
      assertThat(hostUpdates.get(1).path("publisher_id").asText()).isEqualTo("masakari-engine:engine-host-1");
      assertThat(updated.path("name").asText()).isEqualTo(hostName);
      assertThat(updated.path("on_maintenance").asBoolean()).isTrue();
      List<Integer> processIdx = new ArrayList<>();
      for (int i = 0; i < events.size(); i++) {
        if (events.get(i).path("event_type").asText().startsWith("notification.")) {
          processIdx.add(i);
        }
      }
      List<String> processKeys = processIdx.stream().map(keys::get).toList();
      events.removeIf(m -> !m.path("event_type").asText().startsWith("notification."));
      keys.clear();
      keys.addAll(processKeys);
      assertThat(events).extracting(m -> m.path("event_type").asText()).containsExactly(
          "notification.process.start", "notification.process.end", "notification.process.start",
          "notification.process.error");
      assertThat(keys).containsExactly("versioned_notifications.info", "versioned_notifications.info",
          "versioned_notifications.info", "versioned_notifications.error");
      JsonNode end = events.get(1);
      assertThat(end.path("publisher_id").asText()).isEqualTo("masakari-engine:engine-host-1");
      assertThat(end.path("priority").asText()).isEqualTo("INFO");
      JsonNode data = end.path("payload").path("masakari_object.data");
      assertThat(end.path("payload").path("masakari_object.name").asText()).isEqualTo("NotificationApiPayload");
      assertThat(data.path("notification_uuid").asText()).isEqualTo(ignored);
      assertThat(data.path("status").asText()).isEqualTo("ignored");
      assertThat(events.get(0).path("payload").path("masakari_object.data").path("status").asText()).isEqualTo("new");
      JsonNode fault = events.get(3).path("payload").path("masakari_object.data").path("fault").path("masakari_object.data");
      assertThat(events.get(3).path("priority").asText()).isEqualTo("ERROR");
      assertThat(fault.path("exception").asText()).isEqualTo("NovaException");
      assertThat(fault.path("exception_message").asText()).contains(hostName);
      assertThat(events.get(3).path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
      ch.exchangeDelete(exchange);
    }
  }
}
