package org.masakari.client.keystone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;

/** docs/masakarimonitors.conf.sample's [api] section parses, and its documented defaults are ours. */
class SampleApiSectionTest {
  @Test
  void sampleApiSectionMatchesTheCode() throws Exception {
    Path sample = Path.of("").toAbsolutePath().resolveSibling("docs").resolve("masakarimonitors.conf.sample");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(sample)) {
      lines.add(line.matches("#[a-z_]+ = \\S.*") && !line.contains("<") ? line.substring(1) : line);
    }
    ApiOptions o = ApiOptions.from(IniFile.parse(sample, lines));
    assertThat(o.region()).isEqualTo(ApiOptions.DEFAULT_REGION);
    assertThat(o.apiInterface()).isEqualTo(ApiOptions.DEFAULT_INTERFACE);
    assertThat(o.timeout()).isEqualTo(ApiOptions.DEFAULT_TIMEOUT);
    assertThat(o.authType()).isEqualTo(AuthType.PASSWORD);
  }
}
