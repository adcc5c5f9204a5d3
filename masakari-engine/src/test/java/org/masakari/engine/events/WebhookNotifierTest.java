package org.masakari.engine.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.Options;

class WebhookNotifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static String hmac(String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void everyStatusChangeIsPostedSignedAndRetriedUntilAccepted() throws Exception {
    try (EngineHarness e = new EngineHarness()) {
      String hook = "http://127.0.0.1:" + e.nova.wm().port() + "/hook";
      e.start(Options.fast("[webhooks]", "urls = " + hook, "secret = k3y", "max_attempts = 3"));
      // the receiver fails once, then accepts
      e.nova.stub(post(urlEqualTo("/hook")).inScenario("hook").whenScenarioStateIs(Scenario.STARTED)
          .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
      e.nova.stub(post(urlEqualTo("/hook")).inScenario("hook").whenScenarioStateIs("up")
          .willReturn(aResponse().withStatus(204)));
      String host = e.db.host(e.db.segment("wh", RecoveryMethod.AUTO, true), EngineHarness.unique("wh"), false);
      String n = e.notify(host, NotificationType.VM,
          "{\"event\":\"LIFECYCLE\",\"instance_uuid\":\"x\",\"vir_domain_event\":\"REBOOT\"}");
      assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.IGNORED);
      // a VM event that needs nothing is settled by the claim: one change, posted twice (503, then 204)
      await().atMost(Duration.ofSeconds(30)).until(() -> e.nova.wm().findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= 2);
      List<LoggedRequest> got = e.nova.wm().findAll(postRequestedFor(urlEqualTo("/hook")));
      for (LoggedRequest r : got) {
        assertThat(r.getHeader(WebhookNotifier.SIGNATURE_HEADER)).isEqualTo(hmac("k3y", r.getBody()));
      }
      List<String> transitions = got.stream().map(r -> {
        try {
          JsonNode b = JSON.readTree(r.getBody());
          assertThat(b.path("notification_uuid").asText()).isEqualTo(n);
          return b.path("previous_status").asText() + "->" + b.path("status").asText();
        } catch (java.io.IOException ex) {
          throw new IllegalStateException(ex);
        }
      }).distinct().toList();
      assertThat(transitions).containsExactly("new->ignored");
      // a notification that runs a flow (a stopped process: the host goes on maintenance) passes "running"
      String host2 = e.db.host(e.db.segment("wh2", RecoveryMethod.AUTO, true), EngineHarness.unique("wh"), false);
      String n2 = e.notify(host2, NotificationType.PROCESS, "{\"event\":\"STOPPED\",\"process_name\":\"libvirtd\"}");
      assertThat(e.awaitEnd(n2)).isEqualTo(NotificationStatus.FINISHED);
      await().atMost(Duration.ofSeconds(30)).until(() -> transitionsOf(e, n2).size() >= 2);
      assertThat(transitionsOf(e, n2)).containsExactlyInAnyOrder("new->running", "running->finished");
    }
  }

  private static List<String> transitionsOf(EngineHarness e, String notification) throws Exception {
    List<String> out = new java.util.ArrayList<>();
    for (LoggedRequest r : e.nova.wm().findAll(postRequestedFor(urlEqualTo("/hook")))) {
      JsonNode b = JSON.readTree(r.getBody());
      if (b.path("notification_uuid").asText().equals(notification)) {
        out.add(b.path("previous_status").asText() + "->" + b.path("status").asText());
      }
    }
    return out.stream().distinct().toList();
  }

  @Test
  void statusChangesOutsideARecoveryArePostedToo() throws Exception {
    try (org.masakari.engine.support.NovaStub receiver = new org.masakari.engine.support.NovaStub();
        org.masakari.engine.support.TestDb db = org.masakari.engine.support.TestDb.h2()) {
      receiver.stub(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
      org.masakari.core.config.WebhookOptions options = org.masakari.core.config.WebhookOptions.from(
          org.masakari.client.config.IniFile.parse(null, List.of("[webhooks]",
              "urls = http://127.0.0.1:" + receiver.wm().port() + "/hook")).section("webhooks"));
      String host = db.host(db.segment("wh2", RecoveryMethod.AUTO, true), EngineHarness.unique("wh2"), false);
      String stuck = db.notification(host, NotificationType.VM, "{}", NotificationStatus.ERROR);
      String open = db.notification(host, NotificationType.VM, "{\"a\":1}", NotificationStatus.NEW);

      // the expiry job (engine)
      try (WebhookNotifier hooks = new WebhookNotifier(options)) {
        new org.masakari.engine.jobs.ExpireNotificationsJob(
            new org.masakari.engine.processing.ClaimStore(db.db().tx(), "e1", Duration.ofMinutes(1)), Duration.ZERO, hooks)
            .execute(null);
        // an operator's retry of the expired one (API, microversion 1.4)
        try (org.masakari.core.events.StatusWebhooks apiHooks = new org.masakari.core.events.StatusWebhooks(options);
            org.masakari.core.queue.InProcessWorkQueue queue = new org.masakari.core.queue.InProcessWorkQueue()) {
          new org.masakari.core.actions.NotificationActions(db.db().tx(), new org.masakari.core.queue.OutboxRelay(
              db.db().tx(), queue, Duration.ofHours(1), Duration.ofHours(1)), apiHooks)
              .apply(stuck, org.masakari.core.actions.NotificationAction.RETRY);
          await().atMost(Duration.ofSeconds(30))
              .until(() -> receiver.wm().findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= 3);
        }
      }
      List<String> events = receiver.wm().findAll(postRequestedFor(urlEqualTo("/hook"))).stream().map(r -> {
        try {
          JsonNode b = JSON.readTree(r.getBody());
          return b.path("notification_uuid").asText() + ":" + b.path("previous_status").asText() + "->"
              + b.path("status").asText() + ":" + b.path("message").asText();
        } catch (java.io.IOException ex) {
          throw new IllegalStateException(ex);
        }
      }).toList();
      assertThat(events).contains(stuck + ":error->failed:expired", open + ":new->failed:expired",
          stuck + ":failed->new:operator retry");
    }
  }
}
