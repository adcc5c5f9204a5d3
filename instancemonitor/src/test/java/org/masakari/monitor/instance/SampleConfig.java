package org.masakari.monitor.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.masakari.client.config.IniFile;

/**
 * docs/masakarimonitors.conf.sample with its "#option = value" default lines switched on, so tests
 * can check that the documented defaults are the code's defaults.
 */
final class SampleConfig {
  private SampleConfig() {}

  static IniFile defaultsOnly() throws IOException {
    Path sample = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("masakarimonitors.conf.sample");
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(sample)) {
      if (line.startsWith("[")) {
        out.add(line);
      } else if (line.matches("#[a-z_]+ = \\S.*") && !line.contains("<")) {
        out.add(line.substring(1));
      }
    }
    return IniFile.parse(sample, out);
  }
}
