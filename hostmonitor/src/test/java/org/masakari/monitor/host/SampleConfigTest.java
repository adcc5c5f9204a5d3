package org.masakari.monitor.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;
import org.masakari.monitor.host.heartbeat.HeartbeatOptions;

class SampleConfigTest {
  @Test
  void documentedHostDefaultsAreTheCodeDefaults() throws Exception {
    IniFile sample = SampleConfig.defaultsOnly();
    assertThat(sample.entries("host")).hasSize(13);
    assertThat(HostOptions.from(sample.section("host"))).isEqualTo(HostOptions.from(IniFile.empty().section("host")));
    assertThat(StatusOptions.from(sample)).isEqualTo(StatusOptions.from(IniFile.empty()));
  }

  @Test
  void documentedHeartbeatDefaultsAreTheCodeDefaults() throws Exception {
    IniFile sample = SampleConfig.defaultsOnly();
    List<String> documented = new ArrayList<>(List.of("[heartbeat]"));
    sample.entries("heartbeat").forEach(e -> documented.add(e.option() + " = " + e.value()));
    HeartbeatOptions fromDocs = HeartbeatOptions.from(IniFile.parse(Path.of("s"), documented).section("heartbeat"), "cmp-01");
    HeartbeatOptions fromCode = HeartbeatOptions.from(IniFile.parse(Path.of("c"), List.of("[heartbeat]",
        "management_addresses = cmp-01=10.0.0.11, cmp-02=10.0.0.12, cmp-03=10.0.0.13")).section("heartbeat"), "cmp-01");
    assertThat(fromDocs).isEqualTo(fromCode);
  }
}
