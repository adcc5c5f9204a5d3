package org.masakari.engine.flows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.domain.VMove;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;

/** Host-failure notifications through a whole engine: each recovery method and fallback. */
class HostFailureFlowTest {
  private static EngineHarness e;

  @BeforeAll
  static void start() {
    e = new EngineHarness();
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  private record Scene(String segment, String failedUuid, String failed) {}

  private static Scene scene(RecoveryMethod method) {
    String seg = e.db.segment(EngineHarness.unique("seg"), method, true);
    String name = EngineHarness.unique("cmp");
    return new Scene(seg, e.db.host(seg, name, false), name);
  }

  private static void evacuable(String server, String from, String to) {
    e.nova.serverEvacuable(server, NovaStub.server(server, from, "active", null, true),
        NovaStub.server(server, to, "active", null, true));
  }

  @Test
  void autoEvacuatesAndRecordsDetailsAndMaintenance() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.AUTO);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    e.nova.serversOnHost(s.failed, NovaStub.server("a1", s.failed, "active", null, true));
    evacuable("a1", s.failed, "other");
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.db.vmoves(n)).singleElement().satisfies(v -> {
      assertThat(v.getStatus()).isEqualTo("succeeded");
      assertThat(v.getDestHost()).isEqualTo("other");
    });
    assertThat(e.db.hostRow(s.failedUuid).isOnMaintenance()).isTrue();
    List<JsonNode> details = e.progress.details(n);
    assertThat(details).extracting(d -> d.get("name").asText())
        .containsExactly("DisableComputeServiceTask", "PrepareHAEnabledInstancesTask", "EvacuateInstancesTask");
    assertThat(details).allSatisfy(d -> {
      assertThat(d.get("state").asText()).isEqualTo("SUCCESS");
      assertThat(d.get("progress").isNumber()).isTrue();
      assertThat(d.get("progress").asDouble()).isEqualTo(1.0);
      JsonNode first = d.get("progress_details").get(0);
      assertThat(first.get("progress").isTextual()).isTrue();
      assertThat(first.get("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    });
  }

  @Test
  void reservedHostWithoutReservedHostsFailsBeforeDisablingTheService() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.RESERVED_HOST);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.ERROR);
    assertThat(e.db.notificationRow(n).getMessage()).isEqualTo("No reserved_hosts available for evacuation.");
    assertThat(e.nova.servicePuts("svc-" + s.failed)).isEmpty();
  }

  @Test
  void reservedHostTriesTheNextReservedHostWhenOneFails() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.RESERVED_HOST);
    String older = EngineHarness.unique("rh");
    e.db.host(s.segment, older, true);
    String newer = EngineHarness.unique("rh");
    e.db.host(s.segment, newer, true);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    e.nova.noService(newer);   // newest first: its service cannot be enabled, the attempt fails
    e.nova.service(older, "svc-" + older, "disabled", false);
    e.nova.serversOnHost(s.failed, NovaStub.server("r1", s.failed, "active", null, true));
    evacuable("r1", s.failed, older);
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.nova.actions("r1")).anySatisfy(r -> assertThat(r.getBodyAsString()).contains(older));
    assertThat(e.db.vmoves(n)).singleElement().extracting(VMove::getDestHost).isEqualTo(older);
  }

  @Test
  void autoPriorityFallsBackToAReservedHostAndTheEarlierFailureDoesNotDoomIt() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.AUTO_PRIORITY);
    String rh = EngineHarness.unique("rh");
    String rhUuid = e.db.host(s.segment, rh, true);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    e.nova.service(rh, "svc-" + rh, "disabled", false);
    e.nova.serversOnHost(s.failed, NovaStub.server("p1", s.failed, "active", null, true));
    evacuable("p1", s.failed, rh);
    // auto: the scheduler finds no host (Nova 400); to the reserved host: accepted
    e.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(NovaStub.COMPUTE + "/servers/p1/action"))
        .atPriority(0).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.equalToJson("{\"evacuate\":{}}"))
        .willReturn(NovaStub.json(400, "{\"badRequest\": {\"code\": 400, \"message\": \"No valid host was found.\"}}")));
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.db.vmoves(n)).singleElement().satisfies(v -> {
      assertThat(v.getStatus()).isEqualTo("succeeded");
      assertThat(v.getDestHost()).isEqualTo(rh);
    });
    assertThat(e.db.hostRow(rhUuid).isReserved()).isFalse();
    assertThat(e.progress.details(n)).extracting(d -> d.get("state").asText()).contains("FAILURE", "SUCCESS");
  }

  @Test
  void rhPriorityWithoutReservedHostsFallsBackToAuto() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.RH_PRIORITY);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    e.nova.serversOnHost(s.failed, NovaStub.server("q1", s.failed, "active", null, true));
    evacuable("q1", s.failed, "anywhere");
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.nova.actions("q1")).anySatisfy(r -> assertThat(r.getBodyAsString().replace(" ", ""))
        .isEqualTo("{\"evacuate\":{}}"));
  }

  @Test
  void noInstancesFinishesWithoutEvacuating() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.AUTO);
    e.nova.service(s.failed, "svc-" + s.failed, "enabled", false);
    e.nova.serversOnHost(s.failed);
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.db.vmoves(n)).isEmpty();
    // as upstream 14.0.2 recorded it (golden 133): both tasks shown REVERTED, the skip message last
    List<JsonNode> details = e.progress.details(n);
    assertThat(details).extracting(d -> d.get("name").asText() + ":" + d.get("state").asText())
        .containsExactly("DisableComputeServiceTask:REVERTED", "PrepareHAEnabledInstancesTask:REVERTED");
    JsonNode prepare = details.get(1).get("progress_details");
    assertThat(prepare.get(1).get("message").asText())
        .isEqualTo("Total instances running on failed host '" + s.failed + "' is 0");
    assertThat(prepare.get(prepare.size() - 1).get("message").asText())
        .isEqualTo("Skipped host '" + s.failed + "' recovery as no instances needs to be evacuated");
  }

  @Test
  void unconfirmedOrMalformedHostFailuresAreIgnoredAndStartedFinishes() {
    e.start(Options.fast());
    Scene s = scene(RecoveryMethod.AUTO);
    String unknown = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST,
        "{\"event\":\"STOPPED\",\"host_status\":\"UNKNOWN\",\"cluster_status\":\"OFFLINE\"}");
    assertThat(e.awaitEnd(unknown)).isEqualTo(NotificationStatus.IGNORED);
    String noStatus = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, "{\"event\":\"STOPPED\"}");
    assertThat(e.awaitEnd(noStatus)).isEqualTo(NotificationStatus.IGNORED);
    String started = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST,
        "{\"event\":\"STARTED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"ONLINE\"}");
    assertThat(e.awaitEnd(started)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.db.hostRow(s.failedUuid).isOnMaintenance()).isFalse();
  }

  @Test
  void autoRecoverHostClearsForcedDownAndMaintenanceWhenTheHostIsBack() {
    e.start(Options.fast("[host_failure]", "auto_recover_host = true"));
    Scene s = scene(RecoveryMethod.AUTO);
    e.nova.service(s.failed, "svc-" + s.failed, "disabled", true);
    String started = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST,
        "{\"event\":\"STARTED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"ONLINE\"}");
    assertThat(e.awaitEnd(started)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.nova.servicePuts("svc-" + s.failed)).extracting(r -> r.getBodyAsString().replace(" ", ""))
        .containsExactly("{\"forced_down\":false}", "{\"status\":\"enabled\"}");
  }

  @Test
  void customFlowsRunOperatorTasksFromTheSpiInTheConfiguredOrder() {
    e.start(Options.fast("[taskflow_driver_recovery_flows]",
        "host_auto_failure_recovery_tasks = main:['echo_host_task'],post:['no_op'],pre:[]"));
    Scene s = scene(RecoveryMethod.AUTO);
    String n = e.notify(s.failedUuid, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.progress.details(n)).extracting(d -> d.get("name").asText()).containsExactly("EchoHostTask", "Noop");
    assertThat(e.progress.details(n).get(0).get("progress_details").get(0).get("message").asText())
        .isEqualTo("operator task saw host " + s.failed);
  }
}
