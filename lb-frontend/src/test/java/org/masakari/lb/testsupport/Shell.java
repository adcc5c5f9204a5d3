package org.masakari.lb.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Bounded command execution for tests: every call has a time limit. */
public final class Shell {
  public record Result(int exit, String output) {}

  private Shell() {}

  public static Result run(long timeoutSeconds, String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out: " + String.join(" ", command));
      }
      return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "interrupted");
    }
  }

  public static String ok(String... command) {
    Result r = run(30, command);
    if (r.exit() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " -> " + r.exit() + ": " + r.output());
    }
    return r.output();
  }

  public static boolean isRoot() {
    return "0".equals(run(5, "id", "-u").output().trim());
  }

  /** Installs Debian packages a test needs when their command is missing (CI starts from a fresh machine). */
  public static void ensureInstalled(String command, String debianPackage) {
    if (run(5, "sh", "-c", "command -v " + command).exit() == 0) {
      return;
    }
    Result r = run(600, "sh", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q " + debianPackage
        + " || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q " + debianPackage + ")");
    if (r.exit() != 0) {
      throw new IllegalStateException("cannot install " + debianPackage + ": " + r.output());
    }
  }

  public static List<String> lines(String s) {
    return s.lines().filter(l -> !l.isBlank()).toList();
  }
}
