package org.masakari.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;

/** docs/engine.md's option table says the defaults the code has (each documented default, set explicitly, changes nothing). */
class DocsDefaultsTest {
  @Test
  void everyDocumentedDefaultIsTheCodesDefault() throws Exception {
    Path doc = Path.of("..", "docs", "engine.md");
    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(doc)) {
      String[] cells = line.split("\\|");
      if (cells.length >= 6 && !cells[1].isBlank() && !cells[1].contains("section") && !cells[1].contains("---")
          && List.of("DEFAULT", "host_failure", "instance_failure", "process_failure", "taskflow_driver_recovery_flows",
              "engine", "webhooks").contains(cells[1].strip())) {
        rows.add(new String[] {cells[1].strip(), cells[2].strip(), cells[3].strip()});
      }
    }
    assertThat(rows).hasSizeGreaterThanOrEqualTo(30);
    EngineOptions defaults = EngineOptions.defaults();
    for (String[] r : rows) {
      EngineOptions set = EngineOptions.from(IniFile.parse(null, List.of("[" + r[0] + "]", r[1] + " = " + r[2])));
      assertThat(set).as("[%s] %s = %s", r[0], r[1], r[2]).isEqualTo(defaults);
    }
  }
}
