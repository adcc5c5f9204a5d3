package org.masakari.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;

/** What each notification type and payload leads to (contract §4.2), and the processing rules. */
class NotificationProcessingTest {
  private static EngineHarness e;
  private static String segment;

  @BeforeAll
  static void start() {
    e = new EngineHarness();
    segment = e.db.segment("proc", RecoveryMethod.AUTO, true);
  }

  @AfterAll
  static void stop() {
    e.close();
  }

  private static String[] host() {
    String name = EngineHarness.unique("p");
    return new String[] {e.db.host(segment, name, false), name};
  }

  @Test
  void aDisabledSegmentIgnoresWithUpstreamsMessage() {
    e.start(Options.fast());
    String seg = e.db.segment(EngineHarness.unique("off"), RecoveryMethod.AUTO, false);
    String host = e.db.host(seg, EngineHarness.unique("p"), false);
    String n = e.notify(host, NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.IGNORED);
    assertThat(e.db.notificationRow(n).getMessage()).isEqualTo("Recovery aboart: the segment HA is disabled.");
  }

  @Test
  void onlyTheAcceptedVmEventsRecoverAnInstance() {
    e.start(Options.fast());
    String[] h = host();
    String ignored = e.notify(h[0], NotificationType.VM,
        "{\"event\":\"LIFECYCLE\",\"instance_uuid\":\"v-1\",\"vir_domain_event\":\"STOPPED_DESTROYED\"}");
    assertThat(e.awaitEnd(ignored)).isEqualTo(NotificationStatus.IGNORED);
    assertThat(e.nova.actions("v-1")).isEmpty();
    e.nova.serverRestartable("v-1", NovaStub.server("v-1", h[1], "active", null, true),
        NovaStub.server("v-1", h[1], "stopped", null, true));
    String n = e.notify(h[0], NotificationType.VM,
        "{\"event\":\"LIFECYCLE\",\"instance_uuid\":\"v-1\",\"vir_domain_event\":\"STOPPED_FAILED\"}");
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.progress.details(n)).extracting(d -> d.get("name").asText())
        .containsExactly("StopInstanceTask", "StartInstanceTask", "ConfirmInstanceActiveTask");
  }

  @Test
  void aNonHaInstanceFinishesWithTheTaskShownReverted() {
    e.start(Options.fast());
    String[] h = host();
    e.nova.serverStatic("v-2", NovaStub.server("v-2", h[1], "active", null, false));
    String n = e.notify(h[0], NotificationType.VM,
        "{\"event\":\"IO_ERROR\",\"instance_uuid\":\"v-2\",\"vir_domain_event\":\"IO_ERROR_REPORT\"}");
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.progress.details(n)).singleElement().satisfies(d -> assertThat(d.get("state").asText()).isEqualTo("REVERTED"));
  }

  @Test
  void processFailuresPutTheHostOnMaintenanceAndOnlyNovaComputeIsRecovered() {
    e.start(Options.fast());
    String[] h = host();
    String other = e.notify(h[0], NotificationType.PROCESS, "{\"event\":\"STOPPED\",\"process_name\":\"libvirtd\"}");
    assertThat(e.awaitEnd(other)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.db.hostRow(h[0]).isOnMaintenance()).isTrue();
    assertThat(e.progress.details(other)).isEmpty();

    String[] h2 = host();
    e.nova.service(h2[1], "svc-" + h2[1], "disabled", false);
    String nc = e.notify(h2[0], NotificationType.PROCESS, "{\"event\":\"STOPPED\",\"process_name\":\"nova-compute\"}");
    assertThat(e.awaitEnd(nc)).isEqualTo(NotificationStatus.FINISHED);
    assertThat(e.progress.details(nc)).extracting(d -> d.get("name").asText())
        .containsExactly("DisableComputeNodeTask", "ConfirmComputeNodeDisabledTask");
  }

  @Test
  void duplicateMessagesRunTheFlowOnce() {
    e.start(Options.fast());
    String[] h = host();
    e.nova.service(h[1], "svc-" + h[1], "enabled", false);
    e.nova.serversOnHost(h[1], NovaStub.server("d-1", h[1], "active", null, true));
    e.nova.serverEvacuable("d-1", NovaStub.server("d-1", h[1], "active", null, true),
        NovaStub.server("d-1", "elsewhere", "active", null, true));
    String n = e.notify(h[0], NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    for (int i = 0; i < 4; i++) {
      e.publish(n, h[0], NotificationType.COMPUTE_HOST);
    }
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.FINISHED);
    e.publish(n, h[0], NotificationType.COMPUTE_HOST);
    assertThat(e.nova.actionCount("d-1", "evacuate")).isEqualTo(1);
    assertThat(e.db.vmoves(n)).hasSize(1);
  }

  @Test
  void anErrorGetsOneRetryAndThenFails() {
    e.start(Options.fast());
    String[] h = host();
    e.nova.noService(h[1]);
    String n = e.notify(h[0], NotificationType.COMPUTE_HOST, EngineHarness.hostDown());
    assertThat(e.awaitEnd(n)).isEqualTo(NotificationStatus.ERROR);
    e.publish(n, h[0], NotificationType.COMPUTE_HOST);   // what the periodic retry job does
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
        .until(() -> e.db.status(n) == NotificationStatus.FAILED);
  }
}
