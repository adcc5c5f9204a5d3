package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.masakari.sim.scenario.Scenario;
import org.masakari.sim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  @Test
  void readsEverySection() {
    Scenario sc = ScenarioLoader.parse("""
        settings: {service_down_time: 30s, rebuild_delay: 1500ms}
        users:
          - {name: ops, password: secret, project: ops, role: admin}
        hosts:
          - compute-1
          - {prefix: rack-, count: 3}
        aggregates:
          - {name: segment1, hosts: [compute-1, rack-1]}
        servers:
          - {name: vm1, host: compute-1, project: ops, metadata: {HA_Enabled: True}}
          - {name_prefix: ha-, count: 5, hosts: [rack-1, rack-2], status: SHUTOFF}
        faults:
          evacuate: {latency: 1s, error_rate: 0.1, error_status: 500}
        """, "t.yaml");
    assertThat(sc.settings()).containsEntry("service_down_time", "30s");
    assertThat(sc.users()).hasSize(1);
    assertThat(sc.hosts()).containsExactly("compute-1", "rack-1", "rack-2", "rack-3");
    assertThat(sc.aggregates().get(0).hosts()).containsExactly("compute-1", "rack-1");
    assertThat(sc.servers()).hasSize(6);
    assertThat(sc.servers().get(0).metadata()).containsEntry("HA_Enabled", "True");
    assertThat(sc.servers().get(2).host()).isEqualTo("rack-2");
    assertThat(sc.servers().get(5).status()).isEqualTo("SHUTOFF");
    assertThat(sc.faults().get("evacuate").latency()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void mistakesNameTheirPlace() {
    assertThatThrownBy(() -> ScenarioLoader.parse("hosts: [a]\nservers:\n  - {name: x}\n", "f.yaml"))
        .hasMessage("f.yaml: servers[0].host: is required");
    assertThatThrownBy(() -> ScenarioLoader.parse("hostz: []\n", "f.yaml"))
        .hasMessageStartingWith("f.yaml: unknown key 'hostz'");
    assertThatThrownBy(() -> ScenarioLoader.parse("settings: {rebuild_delay: soon}\n", "f.yaml"))
        .hasMessageContaining("settings.rebuild_delay");
    assertThatThrownBy(() -> ScenarioLoader.parse("faults: {evacuate: {error_rate: 3}}\n", "f.yaml"))
        .hasMessageStartingWith("f.yaml: faults.evacuate: error_rate");
  }

  @Test
  void scenarioServersAppearInNovaWithTheirMetadata() {
    try (RunningSim sim = TestClouds.start("""
        hosts: [{prefix: c, count: 2}]
        servers:
          - {name_prefix: ha-, count: 4, metadata: {HA_Enabled: "True"}}
          - {name: off, host: c1, project: admin, status: SHUTOFF}
        """)) {
      SimClient admin = new SimClient(sim, "admin", "admin");
      var servers = admin.get("/servers/detail?all_tenants=1&host=c2", "2.53").json().getJsonArray("servers");
      assertThat(servers).hasSize(2);
      assertThat(servers.getJsonObject(0).getJsonObject("metadata").getString("HA_Enabled")).isEqualTo("True");
      assertThat(admin.get("/servers/detail?status=SHUTOFF", "2.53").json().getJsonArray("servers")).hasSize(1);
    }
  }
}
