package org.masakari.monitor.host.pacemaker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.masakari.monitor.host.ExternalCommand;

/**
 * Fake cibadmin, crm_mon, crmadmin, systemctl, tcpdump and ipmitool: shell scripts in a directory
 * put in front of PATH. Each prints a file the test rewrites between cycles; ipmitool records its
 * argv. The real timeout(1) wraps tcpdump and ipmitool as in production.
 */
final class FakeClusterTools {
  final Path dir;

  FakeClusterTools(Path dir) throws IOException {
    this.dir = dir;
    script("cibadmin", "cat \"$D/cib.xml\"");
    script("crm_mon", "cat \"$D/crm_mon.xml\"");
    script("crmadmin", "cat \"$D/crmadmin.out\"");
    script("tcpdump", "exit $(cat \"$D/tcpdump.rc\")");
    script("systemctl", "grep -qx \"$2\" \"$D/active-units\"");
    script("ipmitool", "echo \"$*\" >> \"$D/ipmitool.calls\"; cat \"$D/ipmitool.out\"");
    write("crmadmin.out", "Controller on cmp-01 in state S_IDLE: ok\n");
    write("tcpdump.rc", "0\n");
    write("active-units", "corosync\npacemaker\n");
    write("ipmitool.out", "Chassis Power is off\n");
  }

  private void script(String name, String body) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "#!/bin/sh\nD='" + dir + "'\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  void write(String file, String content) throws IOException {
    Files.writeString(dir.resolve(file), content);
  }

  /** The CIB fixture with each node's crmd filled in (cmp-01 is this host). */
  void cib(String cmp01, String cmp02, String cmp03) throws IOException {
    write("cib.xml", fixture("cib.xml").replace("@CMP01@", cmp01).replace("@CMP02@", cmp02)
        .replace("@CMP03@", cmp03));
  }

  void cibWithoutQuorum(String cmp02) throws IOException {
    cib("online", cmp02, "online");
    write("cib.xml", Files.readString(dir.resolve("cib.xml")).replace("have-quorum=\"1\"", "have-quorum=\"0\""));
  }

  void crmMon(boolean quorum, boolean ctl01Online, boolean cmp02Online) throws IOException {
    write("crm_mon.xml", fixture("crm_mon.xml").replace("@QUORUM@", Boolean.toString(quorum))
        .replace("@CTL01@", Boolean.toString(ctl01Online)).replace("@CMP02@", Boolean.toString(cmp02Online)));
  }

  void fixtureAs(String fixture, String target) throws IOException {
    write(target, fixture(fixture));
  }

  List<String> ipmitoolCalls() throws IOException {
    Path p = dir.resolve("ipmitool.calls");
    return Files.exists(p) ? Files.readAllLines(p) : List.of();
  }

  ExternalCommand commands() {
    return new ExternalCommand(List.of(dir), Duration.ofSeconds(20));
  }

  static String fixture(String name) throws IOException {
    try (InputStream in = FakeClusterTools.class.getResourceAsStream("/pacemaker/" + name)) {
      if (in == null) {
        throw new IOException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
