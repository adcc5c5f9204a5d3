package org.masakari.monitor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ProcessMonitorCommandTest {
  @TempDir Path dir;

  private String runExpectingFailure(String conf, int expectedRc) throws Exception {
    Path f = dir.resolve("masakarimonitors.conf");
    Files.writeString(f, conf);
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int rc = new CommandLine(new ProcessMonitorCommand()).execute("--config", f.toString());
      assertThat(rc).isEqualTo(expectedRc);
    } finally {
      System.setErr(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void badOptionExitsNonZeroNamingFileLineAndOption() throws Exception {
    String err = runExpectingFailure("[api]\nauth_type = none\nendpoint = http://127.0.0.1:1/v1\n"
        + "[process]\nrestart_retries = many\n", ProcessMonitorCommand.EXIT_CONFIG);
    assertThat(err).contains(dir.resolve("masakarimonitors.conf") + ":5 [process] restart_retries: not an integer");
  }

  @Test
  void brokenProcessListExitsNonZeroNamingTheFile() throws Exception {
    Path list = dir.resolve("pl.yaml");
    Files.writeString(list, "- process_name: x\n");
    String err = runExpectingFailure("[api]\nauth_type = none\nendpoint = http://127.0.0.1:1/v1\n"
        + "[process]\nprocess_list_path = " + list + "\n", ProcessMonitorCommand.EXIT_CONFIG);
    assertThat(err).contains(list + " [entry 1]");
  }

  @Test
  void missingConfigFileExitsNonZero() throws Exception {
    PrintStream old = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new ProcessMonitorCommand())
          .execute("--config", dir.resolve("absent.conf").toString())).isEqualTo(ProcessMonitorCommand.EXIT_CONFIG);
    } finally {
      System.setErr(old);
    }
  }
}
