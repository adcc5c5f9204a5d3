package org.masakari.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.sim.cloud.ServerSnapshot;
import org.masakari.sim.cloud.ServiceSnapshot;

/**
 * The demo's other two failures, on one demo cloud: a guest crash reported by instancemonitor (restarted
 * when HA-enabled, left alone otherwise) and nova-compute dying on a host, reported by processmonitor
 * (its service disabled, the host put on maintenance, its servers untouched). Each case uses its own host.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceAndProcessFailureEndToEndTest {
  private static final String CRASH_HOST = DemoScenario.COMPUTE_HOSTS.get(1);
  private static final String PROCESS_HOST = DemoScenario.COMPUTE_HOSTS.get(2);

  private DemoCloud cloud;
  private SimView sim;
  private MasakariApiClient api;

  @BeforeAll
  void start(@TempDir Path dir) {
    cloud = FastDemo.start(dir, "auto");
    sim = new SimView(cloud.sim());
    api = cloud.adminClient();
  }

  @AfterAll
  void stop() {
    if (cloud != null) {
      cloud.close();
    }
  }

  @Test
  void crashedHaInstanceIsRestartedOnItsHost() throws Exception {
    ServerSnapshot vm = onHost(DemoScenario.HA_PREFIX, CRASH_HOST);
    cloud.sim().state().crashServer(vm.id());
    assertThat(sim.server(vm.id()).status()).isEqualTo("SHUTOFF");

    JsonNode outcome = FastDemo.awaitOutcome(api, FastDemo.notify(api, FastDemo.vmCrashed(CRASH_HOST, vm.id())));

    assertThat(outcome.path("status").asText()).as("%s", outcome).isEqualTo("finished");
    ServerSnapshot after = sim.server(vm.id());
    assertThat(after.status()).isEqualTo("ACTIVE");
    assertThat(after.host()).isEqualTo(CRASH_HOST);
    assertThat(after.locked()).isFalse();
    assertThat(sim.migrations()).as("a restart, not an evacuation").isEmpty();
  }

  @Test
  void crashedInstanceWithoutHaMetadataIsLeftStopped() throws Exception {
    ServerSnapshot vm = onHost(DemoScenario.PLAIN_PREFIX, CRASH_HOST);
    cloud.sim().state().crashServer(vm.id());

    JsonNode outcome = FastDemo.awaitOutcome(api, FastDemo.notify(api, FastDemo.vmCrashed(CRASH_HOST, vm.id())));

    // upstream: process_all_instances = false skips instances without HA_Enabled; the notification finishes
    assertThat(outcome.path("status").asText()).as("%s", outcome).isEqualTo("finished");
    assertThat(sim.server(vm.id()).status()).isEqualTo("SHUTOFF");
    assertThat(sim.server(vm.id()).host()).isEqualTo(CRASH_HOST);
  }

  @Test
  void novaComputeFailureDisablesTheServiceAndLeavesServersAlone() throws Exception {
    JsonNode outcome = FastDemo.awaitOutcome(api,
        FastDemo.notify(api, FastDemo.processStopped(PROCESS_HOST, "/usr/bin/nova-compute")));

    assertThat(outcome.path("status").asText()).as("%s", outcome).isEqualTo("finished");
    ServiceSnapshot compute = sim.compute(PROCESS_HOST);
    assertThat(compute.disabled()).isTrue();
    assertThat(compute.disabledReason()).isEqualTo("Masakari detected process failed.");
    assertThat(compute.forcedDown()).isFalse();
    assertThat(FastDemo.host(api, cloud.segmentUuid(), PROCESS_HOST).path("on_maintenance").asBoolean()).isTrue();
    for (ServerSnapshot s : sim.servers()) {
      if (s.host().equals(PROCESS_HOST)) {
        assertThat(s.status()).as("%s", s.name()).isEqualTo("ACTIVE");
      }
    }
  }

  @Test
  void bannerAndOpenrcTellHowToUseTheCloud() throws Exception {
    String banner = DemoBanner.text(cloud, "bin/masakari watch");
    String keystone = cloud.sim().keystoneUrl();
    assertThat(banner).contains(cloud.apiUrl(), keystone, cloud.sim().novaUrl(),
        cloud.sim().novaRoot() + "/sim/hosts/compute-1/fail", "export OS_AUTH_URL=" + keystone,
        "openstack notification create COMPUTE_HOST compute-1", "bin/masakari watch");
    for (ServerSnapshot s : sim.servers()) {
      assertThat(banner).contains(s.id());
    }
    assertThat(java.nio.file.Files.readString(cloud.openrc())).endsWith(Openrc.text(keystone));
    // with the simulated monitors (the aio default) the banner says they report, and how to do without them
    String withMonitors = DemoBanner.text(cloud, "bin/masakari watch", true);
    assertThat(withMonitors).contains("the demo's hostmonitor reports it", "the demo's instancemonitor reports it",
        "--no-monitors", cloud.sim().novaRoot() + "/sim/hosts/compute-1/fail");
  }

  private ServerSnapshot onHost(String prefix, String host) {
    return sim.serversNamed(prefix).stream().filter(s -> s.host().equals(host)).findFirst().orElseThrow();
  }
}
