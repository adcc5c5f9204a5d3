package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.scenario.Durations;
import picocli.CommandLine;

/** docs/cloud-sim.md's options table states the defaults the code has. */
class DocsDefaultsTest {
  private static Map<String, String> table() throws Exception {
    Map<String, String> rows = new HashMap<>();
    for (String line : Files.readAllLines(Path.of("..", "docs", "cloud-sim.md"))) {
      String[] cells = line.split("\\|");
      if (cells.length >= 4 && (cells[1].contains("`--") || cells[2].contains("`"))) {
        String flag = cells[1].trim().replace("`", "");
        String key = cells[2].trim().replace("`", "");
        String value = cells[3].trim().replace("`", "");
        rows.put(flag.equals("–") ? key : flag, value);
        if (!key.equals("–")) {
          rows.put(key, value);
        }
      }
    }
    return rows;
  }

  @Test
  void timingDefaultsMatchCloudSettings() throws Exception {
    Map<String, String> t = table();
    CloudSettings d = CloudSettings.defaults();
    assertThat(t).containsEntry("service_down_time", Durations.format(d.serviceDownTime()))
        .containsEntry("report_interval", Durations.format(d.reportInterval()))
        .containsEntry("build_delay", Durations.format(d.buildDelay()))
        .containsEntry("rebuild_delay", Durations.format(d.rebuildDelay()))
        .containsEntry("power_off_delay", Durations.format(d.powerOffDelay()))
        .containsEntry("power_on_delay", Durations.format(d.powerOnDelay()))
        .containsEntry("host_cleanup_delay", Durations.format(d.hostCleanupDelay()));
  }

  @Test
  void commandDefaultsMatchSimCommand() throws Exception {
    Map<String, String> t = table();
    SimCommand cmd = new SimCommand();
    new CommandLine(cmd).parseArgs();
    SimConfig c = cmd.config();
    assertThat(t).containsEntry("--keystone-port", String.valueOf(c.keystonePort()))
        .containsEntry("--nova-port", String.valueOf(c.novaPort()))
        .containsEntry("--bind", c.bindHost())
        .containsEntry("--masakari-url", c.masakariUrl())
        .containsEntry("--hosts", String.valueOf(c.scenario().hosts().size()));
  }
}
