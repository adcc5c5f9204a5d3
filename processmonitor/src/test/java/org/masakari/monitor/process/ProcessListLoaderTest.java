package org.masakari.monitor.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.client.config.ConfigException;

class ProcessListLoaderTest {
  @TempDir Path dir;

  private List<ProcessEntry> load(String yaml) throws IOException {
    Path f = dir.resolve("process_list.yaml");
    Files.writeString(f, yaml);
    return new ProcessListLoader(f).load();
  }

  @Test
  void readsUpstreamSampleEntry() throws IOException {
    List<ProcessEntry> l = load("""
        -
            # libvirt-bin
            process_name: /usr/sbin/libvirtd
            start_command: systemctl start libvirt-bin
            pre_start_command:
            post_start_command:
            restart_command: systemctl restart libvirt-bin
            pre_restart_command:
            post_restart_command: echo done
            run_as_root: True
        """);
    assertThat(l).containsExactly(new ProcessEntry("/usr/sbin/libvirtd", "systemctl start libvirt-bin",
        java.util.Optional.empty(), java.util.Optional.empty(), "systemctl restart libvirt-bin",
        java.util.Optional.empty(), java.util.Optional.of("echo done"), true));
  }

  @Test
  void aMappingInsteadOfAListIsRefused() {
    assertThatThrownBy(() -> load("process_name: x\n")).isInstanceOf(ConfigException.class)
        .hasMessageContaining("must be a YAML list");
  }

  @Test
  void missingKeyNamesEntryAndKey() {
    assertThatThrownBy(() -> load("""
        - process_name: a
          start_command: a
          pre_start_command:
          post_start_command:
          restart_command: a
          pre_restart_command:
          post_restart_command:
          run_as_root: false
        - process_name: b
          start_command: b
          pre_start_command:
          post_start_command:
          pre_restart_command:
          post_restart_command:
          run_as_root: false
        """)).isInstanceOf(ConfigException.class)
        .hasMessageContaining("[entry 2] restart_command: missing");
  }

  @Test
  void nullRestartCommandAndBadBooleanAreRefused() {
    String base = "- process_name: a\n  start_command: a\n  pre_start_command:\n  post_start_command:\n"
        + "  pre_restart_command:\n  post_restart_command:\n";
    assertThatThrownBy(() -> load(base + "  restart_command:\n  run_as_root: false\n"))
        .hasMessageContaining("[entry 1] restart_command: must be a non-empty string");
    assertThatThrownBy(() -> load(base + "  restart_command: a\n  run_as_root: maybe\n"))
        .hasMessageContaining("[entry 1] run_as_root: must be true or false");
  }
}
