package org.masakari.monitor.instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.masakari.client.config.IniFile;

/** The name this node reports under: {@code [DEFAULT] hostname}, else the kernel's hostname. */
final class Hostnames {
  private Hostnames() {}

  static String from(IniFile ini) {
    // 'host' is upstream's deprecated alias (LP#1866660)
    return ini.section("DEFAULT").optString("hostname")
        .or(() -> ini.section("DEFAULT").optString("host"))
        .orElseGet(Hostnames::kernel);
  }

  static String kernel() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
    } catch (IOException e) {
      String env = System.getenv("HOSTNAME");
      return env == null ? "localhost" : env;
    }
  }
}
