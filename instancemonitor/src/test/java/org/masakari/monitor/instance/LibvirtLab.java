package org.masakari.monitor.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives ../shared/tools/libvirt-lab.sh: a real libvirtd under a child-subreaper and tiny qemu
 * domains instance-0000000N with uuid 1ab00000-0000-4000-8000-00000000000N. Installs the Debian
 * packages first when they are missing (CI machines start without them).
 */
final class LibvirtLab {
  static final String LAB_DIR = "/tmp/masakari-instancemonitor-lab";
  private final Path script;

  LibvirtLab() {
    Path repo = Path.of("").toAbsolutePath();
    while (repo != null && !Files.exists(repo.resolve("../shared/tools/libvirt-lab.sh"))) {
      repo = repo.getParent();
    }
    if (repo == null) {
      throw new IllegalStateException("../shared/tools/libvirt-lab.sh not found above " + Path.of("").toAbsolutePath());
    }
    script = repo.resolve("../shared/tools/libvirt-lab.sh").normalize();
  }

  static String name(int n) {
    return String.format("instance-%08x", n);
  }

  static String uuid(int n) {
    return String.format("1ab00000-0000-4000-8000-%012x", n);
  }

  void ensureInstalled() {
    if (!Files.isExecutable(Path.of("/usr/sbin/libvirtd")) || !Files.isExecutable(Path.of("/usr/bin/qemu-system-x86_64"))
        || !Files.isExecutable(Path.of("/usr/bin/virsh"))) {
      run(900, "install");
    }
  }

  String run(int timeoutSeconds, String... args) {
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    cmd.addAll(List.of(args));
    return exec(timeoutSeconds, cmd);
  }

  String virsh(String... args) {
    List<String> cmd = new ArrayList<>(List.of("virsh", "-q", "-c", "qemu:///system"));
    cmd.addAll(List.of(args));
    return exec(60, cmd);
  }

  /** qemu's pid from libvirt's pid file (kept while libvirtd is down). */
  long qemuPid(int n) throws IOException {
    return Long.parseLong(Files.readString(Path.of("/run/libvirt/qemu/" + name(n) + ".pid")).strip());
  }

  private static String exec(int timeoutSeconds, List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      pb.environment().put("LAB_DIR", LAB_DIR);
      Path out = Files.createTempFile("lab", ".out");
      Process p = pb.redirectOutput(out.toFile()).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(cmd + " timed out");
      }
      String text = Files.readString(out);
      Files.deleteIfExists(out);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(cmd + " exited " + p.exitValue() + ": " + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(cmd + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(cmd + " interrupted", e);
    }
  }
}
