package org.masakari.lb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LbCommandTest {
  @TempDir
  Path dir;

  int run(ByteArrayOutputStream err, String... args) {
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true));
    try {
      return new CommandLine(new LbCommand()).execute(args);
    } finally {
      System.setErr(old);
    }
  }

  @Test
  void badConfigExitsNonZeroNamingFileLineAndOption() throws Exception {
    Path f = dir.resolve("lb.yaml");
    Files.writeString(f, "global:\n  event_loops: many\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(err, "--config", f.toString())).isEqualTo(LbCommand.EXIT_BAD_CONFIG);
    assertThat(err.toString()).contains(f + ":2: global.event_loops: expected an integer");
  }

  @Test
  void missingFileIsABadConfig() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(run(err, "--config", dir.resolve("nope.yaml").toString())).isEqualTo(LbCommand.EXIT_BAD_CONFIG);
    assertThat(err.toString()).contains("nope.yaml");
  }

  @Test
  void sampleConfigPassesCheckOnly() {
    assertThat(run(new ByteArrayOutputStream(), "--config", "src/main/dist/lb.yaml", "--check-only")).isZero();
  }
}
