package org.masakari.engine.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.ConfigException;
import org.masakari.client.config.IniFile;
import org.masakari.core.alerts.AlertOutcome;
import org.masakari.core.alerts.AlertmanagerOptions;
import org.masakari.core.alerts.AlertmanagerReceiver;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.fault.Fault;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.core.service.NotificationService;
import org.masakari.engine.support.TestDb;

class AlertmanagerReceiverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestDb db;
  private static InProcessWorkQueue queue;
  private static AlertmanagerReceiver receiver;

  @BeforeAll
  static void start() {
    db = TestDb.h2();
    String seg = db.segment("am", RecoveryMethod.AUTO, true);
    db.host(seg, "cmp-1", false);
    db.host(seg, "cmp-2", false);
    queue = new InProcessWorkQueue();
    NotificationService notifications = new NotificationService(db.db().tx(),
        new OutboxRelay(db.db().tx(), queue, Duration.ofHours(1), Duration.ofHours(1)), Duration.ofSeconds(180));
    AlertmanagerOptions options = AlertmanagerOptions.from(IniFile.parse(null, List.of("[alertmanager]",
        "rules = HostDown:COMPUTE_HOST:NORMAL, NovaComputeDown:PROCESS:nova-compute, InstanceCrashed:VM",
        "bearer_token = s3cret")).section("alertmanager"));
    receiver = new AlertmanagerReceiver(options, notifications);
  }

  @AfterAll
  static void stop() {
    queue.close();
    db.close();
  }

  private static String alert(String status, String name, String labels, String startsAt) {
    return """
        {"status": "%s", "labels": {"alertname": "%s"%s}, "annotations": {}, "startsAt": "%s",
         "endsAt": "0001-01-01T00:00:00Z", "generatorURL": "http://prometheus/graph", "fingerprint": "f1"}"""
        .formatted(status, name, labels, startsAt);
  }

  private static List<AlertOutcome> send(String... alerts) throws Exception {
    return receiver.receive(JSON.readTree("""
        {"version": "4", "groupKey": "{}:{}", "truncatedAlerts": 0, "status": "firing", "receiver": "masakari",
         "groupLabels": {}, "commonLabels": {}, "commonAnnotations": {}, "externalURL": "http://am:9093",
         "alerts": [%s]}""".formatted(String.join(",", alerts))));
  }

  @Test
  void mappedFiringAlertsBecomeNotificationsThroughTheSameRules() throws Exception {
    List<AlertOutcome> out = send(
        alert("firing", "HostDown", ", \"instance\": \"cmp-1:9100\"", "2026-11-22T01:00:00Z"),
        alert("firing", "NovaComputeDown", ", \"host\": \"cmp-2\"", "2026-11-22T01:00:01Z"),
        alert("firing", "DiskFull", ", \"host\": \"cmp-2\"", "2026-11-22T01:00:02Z"),
        alert("resolved", "HostDown", ", \"host\": \"cmp-2\"", "2026-11-22T01:00:03Z"),
        alert("firing", "HostDown", ", \"host\": \"ghost\"", "2026-11-22T01:00:04Z"));
    assertThat(out).extracting(AlertOutcome::result)
        .containsExactly("created", "created", "unmapped", "resolved", "rejected");
    assertThat(out.get(4).status()).isEqualTo(400);
    var host = db.notificationRow(out.get(0).notificationUuid());
    assertThat(host.getType()).isEqualTo(NotificationType.COMPUTE_HOST);
    assertThat(host.getPayload()).contains("\"host_status\":\"NORMAL\"").contains("\"event\":\"STOPPED\"");
    assertThat(db.notificationRow(out.get(1).notificationUuid()).getPayload()).contains("nova-compute");
    assertThat(queue.depth()).isEqualTo(2);
    // Alertmanager re-sends a firing group: the same alert is a duplicate (409), as a re-POSTed notification is
    List<AlertOutcome> again = send(alert("firing", "NovaComputeDown", ", \"host\": \"cmp-2\"", "2026-11-22T01:00:01Z"));
    assertThat(again).singleElement().satisfies(o -> {
      assertThat(o.result()).isEqualTo("rejected");
      assertThat(o.status()).isEqualTo(409);
    });
  }

  @Test
  void bearerSecretAndMalformedBodies() {
    assertThat(receiver.bearerAccepted("Bearer s3cret")).isTrue();
    assertThat(receiver.bearerAccepted("Bearer s3cre")).isFalse();
    assertThat(receiver.bearerAccepted(null)).isFalse();
    assertThatThrownBy(() -> receiver.receive(JSON.readTree("{\"version\": \"4\"}"))).isInstanceOf(Fault.class)
        .satisfies(e -> assertThat(((Fault) e).status()).isEqualTo(400));
    assertThatThrownBy(() -> AlertmanagerOptions.from(IniFile.parse(null, List.of("[alertmanager]",
        "rules = HostDown:HOST")).section("alertmanager"))).isInstanceOf(ConfigException.class).hasMessageContaining("rules");
  }
}
