package org.masakari.monitor.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class InstanceMonitorCommandTest {
  @TempDir Path dir;

  @Test
  void badRetryOptionExitsNonZeroNamingFileLineAndOption() throws Exception {
    Path f = dir.resolve("masakarimonitors.conf");
    Files.writeString(f, "[api]\nauth_type = none\nendpoint = http://127.0.0.1:9/v1\n[callback]\nretry_max = -1\n");
    PrintStream old = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(new CommandLine(new InstanceMonitorCommand()).execute("--config", f.toString()))
          .isEqualTo(InstanceMonitorCommand.EXIT_CONFIG);
    } finally {
      System.setErr(old);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains(f + ":5 [callback] retry_max: value -1 is outside");
  }

  @Test
  void upstreamDefaults() throws Exception {
    Path f = dir.resolve("min.conf");
    Files.writeString(f, "[api]\nauth_type = none\nendpoint = http://127.0.0.1:9/v1\n[DEFAULT]\nhostname = c1\n");
    InstanceMonitorConfig c = InstanceMonitorConfig.load(f);
    assertThat(c.callbackRetry().retryMax()).isEqualTo(12);
    assertThat(c.callbackRetry().retryInterval()).hasSeconds(10);
    assertThat(c.libvirt().connectionUri()).isEqualTo("qemu:///system");
    assertThat(c.hostname()).isEqualTo("c1");
  }
}
