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
      await().atMost(Duration.ofSeconds(30)).until(() -> e.nova.wm().findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= 3);
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
      assertThat(transitions).containsExactlyInAnyOrder("new->running", "running->ignored");
    }
  }
}
