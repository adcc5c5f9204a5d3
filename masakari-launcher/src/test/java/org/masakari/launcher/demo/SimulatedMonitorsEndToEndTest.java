package org.masakari.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.sim.cloud.ServerSnapshot;

/**
 * The demo as a user sees it: failures injected into the simulator are reported by the simulated monitors
 * (the monitors' notifier, Keystone auth as the service user, the catalog's instance-ha endpoint) and
 * recovered with nobody posting a notification by hand.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedMonitorsEndToEndTest {
  private DemoCloud cloud;
  private SimulatedMonitors monitors;
  private SimView sim;
  private MasakariApiClient api;

  @BeforeAll
  void start(@TempDir Path dir) {
    cloud = FastDemo.start(dir, "auto");
    monitors = SimulatedMonitors.attach(cloud);
    sim = new SimView(cloud.sim());
    api = cloud.adminClient();
  }

  @AfterAll
  void stop() {
    if (monitors != null) {
      monitors.close();
    }
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void aFailedHostIsReportedAndItsHaServersComeBackElsewhere() throws Exception {
    String failed = DemoScenario.COMPUTE_HOSTS.get(0);
    String hostUuid = FastDemo.host(api, cloud.segmentUuid(), failed).path("uuid").asText();
    cloud.sim().state().failHost(failed);

    JsonNode n = awaitTerminalFor(hostUuid, "COMPUTE_HOST");
    assertThat(n.path("status").asText()).as("%s", n).isEqualTo("finished");
    assertThat(n.path("payload").path("host_status").asText()).isEqualTo("NORMAL");
    for (ServerSnapshot s : sim.serversNamed(DemoScenario.HA_PREFIX)) {
      assertThat(s.host()).as("%s", s.name()).isNotEqualTo(failed);
      assertThat(s.status()).as("%s", s.name()).isEqualTo("ACTIVE");
    }
  }

  @Test
  void aCrashedGuestIsReportedAndRestarted() throws Exception {
    String host = DemoScenario.COMPUTE_HOSTS.get(1);
    ServerSnapshot vm = sim.serversNamed(DemoScenario.HA_PREFIX).stream().filter(s -> s.host().equals(host))
        .findFirst().orElseThrow();
    String hostUuid = FastDemo.host(api, cloud.segmentUuid(), host).path("uuid").asText();
    cloud.sim().state().crashServer(vm.id());

    JsonNode n = awaitTerminalFor(hostUuid, "VM");
    assertThat(n.path("status").asText()).as("%s", n).isEqualTo("finished");
    assertThat(n.path("payload").path("instance_uuid").asText()).isEqualTo(vm.id());
    assertThat(sim.server(vm.id()).status()).isEqualTo("ACTIVE");
  }

  /** The monitor's notification for this host and type, once it ended. */
  private JsonNode awaitTerminalFor(String hostUuid, String type) {
    AtomicReference<JsonNode> found = new AtomicReference<>();
    await().atMost(FastDemo.RECOVERY_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> {
      for (JsonNode n : api.get("/notifications?source_host_uuid=" + hostUuid + "&type=" + type).body()
          .path("notifications")) {
        if (FastDemo.TERMINAL.contains(n.path("status").asText())) {
          found.set(n);
          return true;
        }
      }
      return false;
    });
    return found.get();
  }
}
