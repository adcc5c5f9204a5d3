package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {
  private static SimConfig parse(String... args) {
    SimCommand cmd = new SimCommand();
    new CommandLine(cmd).parseArgs(args);
    return cmd.config();
  }

  @Test
  void defaultsAreTheUsualOpenStackPorts() {
    SimConfig c = parse();
    assertThat(c.keystonePort()).isEqualTo(5000);
    assertThat(c.novaPort()).isEqualTo(8774);
    assertThat(c.bindHost()).isEqualTo("127.0.0.1");
    assertThat(c.scenario().hosts()).containsExactly("compute-1", "compute-2", "compute-3");
  }

  @Test
  void flagsOverrideTheScenarioFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("s.yaml");
    Files.writeString(f, "settings: {rebuild_delay: 9s, service_down_time: 20s}\nhosts: [a, b]\n");
    SimConfig c = parse("--scenario", f.toString(), "--rebuild-delay", "250ms", "--nova-port", "18774",
        "--latency", "evacuate=1s", "--error-rate", "os-stop=0.5:409", "--bind", "0.0.0.0");
    assertThat(c.novaPort()).isEqualTo(18774);
    assertThat(c.publicHost()).isEqualTo("127.0.0.1");
    assertThat(c.scenario().settings()).containsEntry("rebuild_delay", "250ms").containsEntry("service_down_time", "20s");
    assertThat(c.scenario().hosts()).containsExactly("a", "b");
    assertThat(c.scenario().faults().get("evacuate").latency()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.scenario().faults().get("os-stop").errorStatus()).isEqualTo(409);
  }

  @Test
  void badValuesAreRefusedWithTheOptionName() {
    assertThatThrownBy(() -> parse("--rebuild-delay", "soon")).hasMessageContaining("rebuild_delay");
    assertThatThrownBy(() -> parse("--error-rate", "evacuate")).hasMessageContaining("--error-rate");
  }
}
