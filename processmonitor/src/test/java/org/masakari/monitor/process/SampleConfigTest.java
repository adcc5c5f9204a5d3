package org.masakari.monitor.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;

class SampleConfigTest {
  @Test
  void documentedDefaultsAreTheCodeDefaults() throws Exception {
    IniFile sample = SampleConfig.defaultsOnly();
    assertThat(sample.entries("process")).hasSize(7);
    assertThat(ProcessOptions.from(sample)).isEqualTo(ProcessOptions.from(IniFile.empty()));
    assertThat(StatusOptions.from(sample)).isEqualTo(StatusOptions.from(IniFile.empty()));
  }

  @Test
  void sampleProcessListLoads() {
    java.nio.file.Path sample = java.nio.file.Path.of("").toAbsolutePath().resolveSibling("docs")
        .resolve("process_list.yaml.sample");
    assertThat(new ProcessListLoader(sample).load()).extracting(ProcessEntry::processName)
        .containsExactly("/usr/sbin/libvirtd", "/usr/bin/python3 /usr/bin/nova-compute", "/usr/sbin/sshd");
  }
}
