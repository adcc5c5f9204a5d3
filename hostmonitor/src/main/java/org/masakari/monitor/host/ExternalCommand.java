package org.masakari.monitor.host;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a tool (cibadmin, crm_mon, crmadmin, systemctl, tcpdump, ipmitool) by argv, no shell, with
 * a hard time limit. {@code pathPrefix} puts directories in front of PATH (tests put fakes there).
 */
public final class ExternalCommand {
  private final List<Path> pathPrefix;
  private final Duration timeout;

  public record Result(int exitCode, String stdout, String stderr) {
    /** Upstream's success rule for most tools: exit 0 and nothing on stderr. */
    public boolean cleanSuccess() {
      return exitCode == 0 && stderr.isBlank();
    }
  }

  public ExternalCommand(List<Path> pathPrefix, Duration timeout) {
    this.pathPrefix = List.copyOf(pathPrefix);
    this.timeout = timeout;
  }

  public static ExternalCommand system() {
    return new ExternalCommand(List.of(), Duration.ofSeconds(60));
  }

  /** exit code -1: could not start or timed out (details in stderr). */
  public Result run(List<String> argv) {
    File out = null;
    File err = null;
    try {
      out = File.createTempFile("hm-out", ".txt");
      err = File.createTempFile("hm-err", ".txt");
      ProcessBuilder pb = new ProcessBuilder(resolve(argv)).redirectOutput(out).redirectError(err)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (!pathPrefix.isEmpty()) {
        // for wrappers such as timeout(1) that look up the real tool themselves
        StringBuilder path = new StringBuilder();
        pathPrefix.forEach(d -> path.append(d).append(File.pathSeparator));
        pb.environment().put("PATH", path + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
      }
      Process p = pb.start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "", "timed out after " + timeout.toMillis() + " ms");
      }
      return new Result(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
          Files.readString(err.toPath(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Result(-1, "", e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, "", "interrupted");
    } finally {
      if (out != null) {
        out.delete();
      }
      if (err != null) {
        err.delete();
      }
    }
  }

  /** ProcessBuilder looks programs up in the JVM's PATH, so the prefix is applied here. */
  private List<String> resolve(List<String> argv) {
    String prog = argv.get(0);
    if (!prog.contains("/")) {
      for (Path dir : pathPrefix) {
        Path candidate = dir.resolve(prog);
        if (Files.isExecutable(candidate)) {
          List<String> copy = new java.util.ArrayList<>(argv);
          copy.set(0, candidate.toString());
          return copy;
        }
      }
    }
    return argv;
  }
}
