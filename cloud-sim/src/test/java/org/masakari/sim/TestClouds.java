package org.masakari.sim;

import java.time.Duration;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.scenario.Scenario;
import org.masakari.sim.scenario.ScenarioLoader;

/** Small clouds with fast timings for tests. */
final class TestClouds {
  private TestClouds() {}

  static final String THREE_HOSTS = """
      hosts: [compute-1, compute-2, compute-3]
      servers:
        - {name: ha-vm1, host: compute-1, project: admin, metadata: {HA_Enabled: "True"}}
        - {name: ha-vm2, host: compute-1, project: admin, metadata: {HA_Enabled: "True"}}
        - {name: plain-vm, host: compute-1, project: admin}
        - {name: demo-vm, host: compute-2, project: demo}
      """;

  static CloudSettings fast() {
    return CloudSettings.defaults()
        .withBuildDelay(Duration.ofMillis(50))
        .withRebuildDelay(Duration.ofMillis(200))
        .withPowerDelays(Duration.ofMillis(100), Duration.ofMillis(100))
        .withHostCleanupDelay(Duration.ofMillis(200));
  }

  static RunningSim start(String scenarioYaml) {
    Scenario sc = ScenarioLoader.parse(scenarioYaml, "test");
    return CloudSim.start(SimConfig.ephemeral().withSettings(fast()).withScenario(sc));
  }
}
