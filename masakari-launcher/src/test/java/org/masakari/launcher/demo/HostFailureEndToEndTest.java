package org.masakari.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.masakari.sim.cloud.Migration;
import org.masakari.sim.cloud.ServerSnapshot;
import org.masakari.sim.cloud.ServiceSnapshot;

/**
 * The README demo as a test, for each recovery method: compute-1 dies in the simulator, hostmonitor's
 * notification goes to the API (keystone auth), and the engine recovers against the simulated Nova. At
 * the end the simulator must show every HA instance ACTIVE on a healthy host, each evacuated exactly once,
 * compute-1 forced down and disabled, and the API vmoves succeeded with the hosts Nova shows.
 */
class HostFailureEndToEndTest {
  private static final String FAILED = DemoScenario.COMPUTE_HOSTS.get(0);

  @ParameterizedTest
  @ValueSource(strings = {"auto", "reserved_host", "auto_priority", "rh_priority"})
  void hostFailureEvacuatesEveryHaInstanceOnce(String method, @TempDir Path dir) throws Exception {
    try (DemoCloud cloud = FastDemo.start(dir, method)) {
      SimView sim = new SimView(cloud.sim());
      MasakariApiClient api = cloud.adminClient();
      Map<String, String> haOnFailed = sim.serversNamed(DemoScenario.HA_PREFIX).stream()
          .filter(s -> s.host().equals(FAILED)).collect(Collectors.toMap(ServerSnapshot::id, ServerSnapshot::name));
      List<ServerSnapshot> plainOnFailed = sim.serversNamed(DemoScenario.PLAIN_PREFIX).stream()
          .filter(s -> s.host().equals(FAILED)).toList();
      assertThat(haOnFailed).hasSize(2);
      assertThat(plainOnFailed).hasSize(1);

      RecoveryWatch watch = new RecoveryWatch(api);
      assertThat(watch.poll()).isEmpty();

      cloud.sim().state().failHost(FAILED);
      String id = FastDemo.notify(api, FastDemo.hostStopped(FAILED));
      JsonNode outcome = FastDemo.awaitOutcome(api, id);
      assertThat(outcome.path("status").asText()).as("notification %s", outcome).isEqualTo("finished");

      boolean toReserved = method.equals("reserved_host") || method.equals("rh_priority");
      for (ServerSnapshot s : sim.serversNamed(DemoScenario.HA_PREFIX)) {
        assertThat(s.status()).as("%s", s.name()).isEqualTo("ACTIVE");
        assertHealthy(sim, s);
        if (haOnFailed.containsKey(s.id())) {
          if (toReserved) {
            assertThat(s.host()).as("%s with %s", s.name(), method).isEqualTo(DemoScenario.RESERVED_HOST);
          } else {
            assertThat(s.host()).as("%s with %s", s.name(), method).isIn(DemoScenario.COMPUTE_HOSTS.subList(1, 3));
          }
        }
      }
      // only HA-enabled servers are evacuated in the demo (evacuate_all_instances = false)
      for (ServerSnapshot s : plainOnFailed) {
        assertThat(sim.server(s.id()).host()).isEqualTo(FAILED);
      }
      List<Migration> migrations = sim.migrations();
      assertThat(migrations).extracting(Migration::instanceUuid).as("one evacuation per HA instance, nothing twice")
          .containsExactlyInAnyOrderElementsOf(haOnFailed.keySet());
      assertThat(migrations).extracting(Migration::status).containsOnly(Migration.DONE);

      ServiceSnapshot failed = sim.compute(FAILED);
      assertThat(failed.forcedDown()).as("failed host forced down").isTrue();
      assertThat(failed.disabled()).isTrue();
      assertThat(failed.disabledReason()).isEqualTo("Masakari detected host failed.");
      assertThat(failed.up()).isFalse();

      List<JsonNode> vmoves = new ArrayList<>();
      api.get("/notifications/" + id + "/vmoves").body().path("vmoves").forEach(vmoves::add);
      assertThat(vmoves).extracting(v -> v.path("instance_uuid").asText())
          .containsExactlyInAnyOrderElementsOf(haOnFailed.keySet());
      for (JsonNode v : vmoves) {
        assertThat(v.path("status").asText()).as("%s", v).isEqualTo("succeeded");
        assertThat(v.path("source_host").asText()).isEqualTo(FAILED);
        assertThat(v.path("dest_host").asText()).isEqualTo(sim.server(v.path("instance_uuid").asText()).host());
      }

      // what `masakari watch` prints: the notification's outcome and each instance landing on its new host
      List<String> shown = watch.poll();
      assertThat(shown).anySatisfy(l -> assertThat(l).contains("notification " + id).contains("COMPUTE_HOST")
          .contains("STOPPED NORMAL").endsWith("finished"));
      for (String instance : haOnFailed.keySet()) {
        assertThat(shown).anySatisfy(l -> assertThat(l).contains("vmove " + haOnFailed.get(instance)).contains(instance)
            .contains(FAILED + " -> " + sim.server(instance).host() + "  succeeded"));
      }
      assertThat(watch.poll()).as("nothing changed since").isEmpty();

      assertThat(FastDemo.host(api, cloud.segmentUuid(), FAILED).path("on_maintenance").asBoolean()).isTrue();
      JsonNode reserved = FastDemo.host(api, cloud.segmentUuid(), DemoScenario.RESERVED_HOST);
      if (toReserved) {
        assertThat(reserved.path("reserved").asBoolean()).as("the reserved host used becomes a normal host").isFalse();
        assertThat(sim.compute(DemoScenario.RESERVED_HOST).disabled()).as("and its compute is enabled").isFalse();
      } else {
        assertThat(reserved.path("reserved").asBoolean()).isTrue();
        assertThat(sim.compute(DemoScenario.RESERVED_HOST).disabled()).isTrue();
      }
    }
  }

  private static void assertHealthy(SimView sim, ServerSnapshot s) {
    ServiceSnapshot c = sim.compute(s.host());
    assertThat(c.up()).as("%s is on %s, which must be up", s.name(), s.host()).isTrue();
    assertThat(c.forcedDown()).isFalse();
    assertThat(c.disabled()).as("%s is on %s, which must be enabled", s.name(), s.host()).isFalse();
  }
}
