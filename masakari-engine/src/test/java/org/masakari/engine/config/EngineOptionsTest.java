package org.masakari.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.ConfigException;
import org.masakari.client.config.IniFile;

class EngineOptionsTest {
  @Test
  void defaultsAreUpstreamsExceptTheDocumentedOnes() {
    EngineOptions o = EngineOptions.defaults();
    TimingOptions t = o.timing();
    assertThat(t.serviceUpdateWait()).isEqualTo(Duration.ofSeconds(180));
    assertThat(t.evacuationWait()).isEqualTo(Duration.ofSeconds(90));
    assertThat(t.verifyInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(t.powerOffWait()).isEqualTo(Duration.ofSeconds(180));
    assertThat(t.powerOnWait()).isEqualTo(Duration.ofSeconds(60));
    assertThat(t.unfinishedInterval()).isEqualTo(Duration.ofSeconds(120));
    assertThat(t.retryNewAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(t.expiryCheckInterval()).isEqualTo(Duration.ofSeconds(600));
    assertThat(t.expiredAfter()).isEqualTo(Duration.ofSeconds(86400));
    assertThat(t.recoveryThreads()).isEqualTo(10);
    assertThat(o.hostFailure()).isEqualTo(new HostFailureOptions(true, "HA_Enabled", false, false,
        "Masakari detected host failed.", true, false));
    assertThat(o.instanceFailure()).isEqualTo(new InstanceFailureOptions(false, "HA_Enabled"));
    assertThat(o.processFailure().serviceDisableReason()).isEqualTo("Masakari detected process failed.");
    assertThat(o.flows().hostAuto().ordered()).containsExactly("disable_compute_service_task",
        "prepare_HA_enabled_instances_task", "evacuate_instances_task");
    assertThat(o.flows().hostReservedHost().main()).containsExactly("prepare_HA_enabled_instances_task",
        "evacuate_instances_task");
    assertThat(o.flows().instance().ordered()).containsExactly("stop_instance_task", "start_instance_task",
        "confirm_instance_active_task");
    assertThat(o.flows().process().ordered()).containsExactly("disable_compute_node_task",
        "confirm_compute_node_disabled_task");
  }

  @Test
  void upstreamFlowSyntaxParses() {
    FlowTasks f = FlowTasks.parse("main:['prepare_HA_enabled_instances_task'],post:['evacuate_instances_task'],"
        + "pre:['disable_compute_service_task']");
    assertThat(f.pre()).containsExactly("disable_compute_service_task");
    assertThat(f.main()).containsExactly("prepare_HA_enabled_instances_task");
    assertThat(f.post()).containsExactly("evacuate_instances_task");
    assertThat(FlowTasks.parse("pre:[], main:[\"a\", 'b'], post:[]").main()).containsExactly("a", "b");
  }

  @Test
  void badValuesNameTheOption() {
    assertThatThrownBy(() -> EngineOptions.from(IniFile.parse(null, List.of("[taskflow_driver_recovery_flows]",
        "instance_failure_recovery_tasks = pre:stop"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("instance_failure_recovery_tasks");
    assertThatThrownBy(() -> EngineOptions.from(IniFile.parse(null, List.of("[engine]", "claim_heartbeat_interval = 10",
        "claim_stale_after = 15"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("claim_stale_after");
    assertThatThrownBy(() -> EngineOptions.from(IniFile.parse(null, List.of("[DEFAULT]",
        "host_failure_recovery_threads = 0")))).isInstanceOf(ConfigException.class)
        .hasMessageContaining("host_failure_recovery_threads");
  }

  @Test
  void unknownOptionsOfEngineSectionsAreWarnedAbout() {
    EngineOptions o = EngineOptions.from(IniFile.parse(null, List.of("[host_failure]", "evacuate_al_instances = false")));
    assertThat(o.warnings()).singleElement().asString().contains("evacuate_al_instances");
  }
}
