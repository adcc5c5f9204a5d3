package org.masakari.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Locates ../shared (golden corpus, upstream tools) and provides the real services tests use. */
final class SharedLabs {
  private SharedLabs() {}

  static Path shared() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path s = p.resolveSibling("shared");
      if (Files.isDirectory(s.resolve("golden"))) {
        return s;
      }
      if (Files.isDirectory(p.resolve("shared").resolve("golden"))) {
        return p.resolve("shared");
      }
    }
    throw new IllegalStateException("../shared (with golden/ and tools/) not found above " + Path.of("").toAbsolutePath());
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void awaitPort(int port, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    throw new IllegalStateException("nothing listens on 127.0.0.1:" + port + " after " + timeout);
  }

  /** A new MariaDB database; returns its name. */
  static String createMariaDb() {
    String name = "mtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    sql("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    return name;
  }

  static void dropMariaDb(String name) {
    sql("DROP DATABASE IF EXISTS " + name);
  }

  private static void sql(String statement) {
    try (var c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");
         var s = c.createStatement()) {
      s.execute(statement);
    } catch (Exception e) {
      throw new IllegalStateException("MariaDB at 127.0.0.1:3306 is required: " + e.getMessage(), e);
    }
  }

  /**
   * Debian packages the CLI tests need, installed the way ../shared/tools/install-labs.sh does. Each package is
   * checked with dpkg, not by its command: another module's test may have installed the {@code openstack} CLI
   * without the masakariclient plugin.
   */
  static void aptInstall(String... packages) throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    for (String pkg : packages) {
      if (!installed(pkg)) {
        missing.add(pkg);
      }
    }
    if (missing.isEmpty()) {
      return;
    }
    List<String> cmd = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=900", "install", "-y",
        "--no-install-recommends"));
    cmd.addAll(missing);
    new ProcessBuilder("apt-get", "-o", "DPkg::Lock::Timeout=900", "update", "-qq").inheritIO().start().waitFor();
    ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
    pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
    int rc = pb.start().waitFor();
    if (rc != 0) {
      throw new IllegalStateException("apt-get install " + String.join(" ", missing) + " failed: " + rc);
    }
  }

  private static boolean installed(String pkg) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", pkg).redirectErrorStream(true).start();
    String status = new String(p.getInputStream().readAllBytes());
    return p.waitFor() == 0 && status.contains("install ok installed");
  }
}
