package org.masakari.monitor.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessPatternTest {

  @Test
  void fullPathMustEqualArgv0() {
    ProcessPattern p = new ProcessPattern("/usr/sbin/libvirtd");
    assertThat(p.matches(List.of("/usr/sbin/libvirtd", "-d"))).isTrue();
    assertThat(p.matches(List.of("/usr/local/sbin/libvirtd"))).isFalse();
    // ps -ef substring matching would take these; /proc argv matching does not
    assertThat(p.matches(List.of("vi", "/usr/sbin/libvirtd"))).isFalse();
    assertThat(p.matches(List.of("/usr/sbin/libvirtd-helper"))).isFalse();
  }

  @Test
  void bareNameMatchesTheBasename() {
    ProcessPattern p = new ProcessPattern("sshd");
    assertThat(p.matches(List.of("/usr/sbin/sshd", "-D"))).isTrue();
    assertThat(p.matches(List.of("sshd:", "root@pts/0"))).isFalse();
  }

  @Test
  void followingWordsAreTheFirstArguments() {
    ProcessPattern p = new ProcessPattern("/usr/bin/python3 /usr/bin/nova-compute");
    assertThat(p.matches(List.of("/usr/bin/python3", "/usr/bin/nova-compute", "--config-file", "x"))).isTrue();
    assertThat(p.matches(List.of("/usr/bin/python3", "/usr/bin/nova-api"))).isFalse();
    assertThat(p.matches(List.of("/usr/bin/python3"))).isFalse();
  }

  @Test
  void scriptNameMatchesBehindAnInterpreterOnly() {
    ProcessPattern p = new ProcessPattern("nova-compute");
    assertThat(p.matches(List.of("/usr/bin/python3.11", "/usr/bin/nova-compute"))).isTrue();
    assertThat(p.matches(List.of("/bin/sh", "/usr/bin/nova-compute"))).isTrue();
    assertThat(p.matches(List.of("less", "/var/log/nova-compute"))).isFalse();
    assertThat(p.matches(List.of())).isFalse();
  }
}
