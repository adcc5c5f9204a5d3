package org.masakari.monitor.instance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;

class SampleConfigTest {
  @Test
  void documentedDefaultsAreTheCodeDefaults() throws Exception {
    IniFile sample = SampleConfig.defaultsOnly();
    assertThat(sample.entries("libvirt")).hasSize(3);
    assertThat(LibvirtOptions.from(sample.section("libvirt"))).isEqualTo(LibvirtOptions.from(IniFile.empty().section("libvirt")));
    assertThat(sample.get("callback", "retry_max").orElseThrow().value()).isEqualTo("12");
    assertThat(sample.get("callback", "retry_interval").orElseThrow().value()).isEqualTo("10");
    assertThat(StatusOptions.from(sample)).isEqualTo(StatusOptions.from(IniFile.empty()));
  }
}
