package org.masakari.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.TestDatabase;

/**
 * The API's versioned notifications (contract §6) on a real RabbitMQ (127.0.0.1:5672), our own exchange
 * and queue: event types, priorities, routing keys, publisher id and payload fields for segment, host and
 * notification changes; start without id/uuid; error with a fault for a change that failed in the
 * database step; nothing for requests rejected before it.
 */
class ApiVersionedNotificationsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void segmentHostAndNotificationChangesAreAnnouncedAsUpstreamDoes() throws Exception {
    String exchange = "masakari-apitest-" + UUID.randomUUID();
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    try (Connection c = f.newConnection(); Channel ch = c.createChannel()) {
      ch.exchangeDeclare(exchange, "topic", false);
      String q = ch.queueDeclare().getQueue();
      ch.queueBind(q, exchange, "versioned_notifications.*");
      try (ApiFixture api = ApiFixture.start(TestDatabase.Kind.H2, List.of("control_exchange = " + exchange,
          "host = api-host-1", "[oslo_messaging_notifications]", "driver = messagingv2",
          "transport_url = rabbit://guest:guest@127.0.0.1:5672/"), null, null)) {
        String seg = api.segment("vn-seg", "auto");
        // a duplicate name fails in the database step: start + error, 409 to the client
        assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\"vn-seg\",\"recovery_method\":\"auto\","
            + "\"service_type\":\"COMPUTE\"}}").status()).isEqualTo(409);
        // rejected by validation before any change: no event
        assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\"\"}}").status()).isEqualTo(400);
        assertThat(api.put("/v1/segments/" + seg, "{\"segment\":{\"description\":\"d\"}}").status()).isEqualTo(200);
        String host = api.host(seg, "vn-host");
        assertThat(api.delete("/v1/segments/" + seg + "/hosts/" + host).status()).isEqualTo(204);
        String host2 = api.host(seg, "vn-host2");
        assertThat(api.post("/v1/notifications", "{\"notification\":{\"type\":\"VM\",\"hostname\":\"vn-host2\","
            + "\"generated_time\":\"2026-11-22T04:00:00Z\",\"payload\":{\"event\":\"LIFECYCLE\","
            + "\"instance_uuid\":\"5f0e7a52-3f5c-4c3f-9a57-0d7f5c1c2a11\",\"vir_domain_event\":\"STOPPED_FAILED\"}}}").status()).isEqualTo(202);
        // the notification keeps its segment in use; a second segment shows the delete events
        String other = api.segment("vn-other", "auto");
        assertThat(api.delete("/v1/segments/" + other).status()).isEqualTo(204);

        List<JsonNode> events = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (events.size() < 18 && System.nanoTime() < deadline) {
          GetResponse r = ch.basicGet(q, true);
          if (r == null) {
            Thread.sleep(50);
            continue;
          }
          JsonNode envelope = JSON.readTree(r.getBody());
          assertThat(envelope.path("oslo.version").asText()).isEqualTo("2.0");
          events.add(JSON.readTree(envelope.path("oslo.message").asText()));
          keys.add(r.getEnvelope().getRoutingKey());
        }
        // nothing more follows (the rejected requests announced nothing)
        Thread.sleep(300);
        while (true) {
          GetResponse extra = ch.basicGet(q, true);
          if (extra == null) {
            break;
          }
          events.add(JSON.readTree(JSON.readTree(extra.getBody()).path("oslo.message").asText()));
        }
        assertThat(events).extracting(m -> m.path("event_type").asText()).containsExactly(
            "segment.create.start", "segment.create.end",
            "segment.create.start", "segment.create.error",
            "segment.update.start", "segment.update.end",
            "host.create.start", "host.create.end",
            "host.delete.start", "host.delete.end",
            "host.create.start", "host.create.end",
            "notification.create.start", "notification.create.end",
            "segment.create.start", "segment.create.end",
            "segment.delete.start", "segment.delete.end");
        assertThat(keys.get(3)).isEqualTo("versioned_notifications.error");
        assertThat(keys.get(1)).isEqualTo("versioned_notifications.info");
        assertThat(events).allSatisfy(m -> {
          assertThat(m.path("publisher_id").asText()).isEqualTo("masakari-api:api-host-1");
          assertThat(m.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
          assertThat(m.path("payload").path("masakari_object.namespace").asText()).isEqualTo("masakari");
        });

        JsonNode createStart = data(events.get(0));
        assertThat(events.get(0).path("payload").path("masakari_object.name").asText()).isEqualTo("SegmentApiPayload");
        assertThat(events.get(0).path("payload").path("masakari_object.version").asText()).isEqualTo("1.1");
        assertThat(createStart.has("uuid")).isFalse();
        assertThat(createStart.has("id")).isFalse();
        assertThat(createStart.path("name").asText()).isEqualTo("vn-seg");
        assertThat(createStart.path("recovery_method").asText()).isEqualTo("auto");
        assertThat(data(events.get(1)).path("uuid").asText()).isEqualTo(seg);

        JsonNode error = events.get(3);
        assertThat(error.path("priority").asText()).isEqualTo("ERROR");
        JsonNode fault = data(error).path("fault");
        assertThat(fault.path("masakari_object.name").asText()).isEqualTo("ExceptionPayload");
        assertThat(fault.path("masakari_object.data").path("exception_message").asText()).contains("already exists");

        assertThat(data(events.get(5)).path("description").asText()).isEqualTo("d");

        JsonNode hostEnd = events.get(7).path("payload");
        assertThat(hostEnd.path("masakari_object.name").asText()).isEqualTo("HostApiPayload");
        assertThat(hostEnd.path("masakari_object.version").asText()).isEqualTo("1.0");
        JsonNode hd = hostEnd.path("masakari_object.data");
        assertThat(hd.path("uuid").asText()).isEqualTo(host);
        assertThat(hd.path("name").asText()).isEqualTo("vn-host");
        assertThat(hd.path("type").asText()).isEqualTo("COMPUTE");
        assertThat(hd.path("control_attributes").asText()).isEqualTo("SSH");
        assertThat(hd.path("reserved").asBoolean(true)).isFalse();
        assertThat(hd.path("on_maintenance").asBoolean(true)).isFalse();
        assertThat(hd.path("failover_segment").path("masakari_object.name").asText()).isEqualTo("FailoverSegment");
        assertThat(hd.path("failover_segment").path("masakari_object.data").path("uuid").asText()).isEqualTo(seg);

        JsonNode nStart = events.get(12).path("payload");
        assertThat(nStart.path("masakari_object.name").asText()).isEqualTo("NotificationApiPayload");
        assertThat(nStart.path("masakari_object.data").has("notification_uuid")).isFalse();
        JsonNode nEnd = data(events.get(13));
        assertThat(nEnd.path("notification_uuid").asText()).hasSize(36);
        assertThat(nEnd.path("source_host_uuid").asText()).isEqualTo(host2);
        assertThat(data(events.get(17)).path("uuid").asText()).isEqualTo(other);
        assertThat(data(events.get(9)).path("uuid").asText()).isEqualTo(host);
        assertThat(nEnd.path("type").asText()).isEqualTo("VM");
        assertThat(nEnd.path("status").asText()).isEqualTo("new");
        assertThat(nEnd.path("generated_time").asText()).isEqualTo("2026-11-22T04:00:00Z");
        assertThat(nEnd.path("payload").path("vir_domain_event").asText()).isEqualTo("STOPPED_FAILED");
      } finally {
        ch.exchangeDelete(exchange);
      }
    }
  }

  private static JsonNode data(JsonNode message) {
    return message.path("payload").path("masakari_object.data");
  }
}
