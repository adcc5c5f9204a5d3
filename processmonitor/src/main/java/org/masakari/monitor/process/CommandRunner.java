package org.masakari.monitor.process;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one configured command like upstream: split on whitespace, no shell. Output goes to files,
 * not pipes, because a start command may leave a daemon behind that would keep a pipe open forever.
 * A command fails on a non-zero exit, when it cannot be started, or when it outlives the timeout
 * (then it is killed). Unlike upstream, output on stderr alone is logged but is not a failure.
 */
final class CommandRunner {
  private static final Logger LOG = LoggerFactory.getLogger(CommandRunner.class);
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
  private static final boolean IS_ROOT = "root".equals(System.getProperty("user.name"));

  private final Duration timeout;

  CommandRunner(Duration timeout) {
    this.timeout = timeout;
  }

  record Result(boolean ok, String detail) {}

  Result run(String tag, String command, boolean runAsRoot) {
    List<String> argv = new ArrayList<>(Arrays.asList(command.strip().split("\\s+")));
    if (runAsRoot && !IS_ROOT) {
      argv.addAll(0, List.of("sudo", "-n", "--")); // upstream uses privsep; we rely on a sudoers rule
    }
    File out = null;
    File err = null;
    try {
      out = File.createTempFile("pm-out", ".txt");
      err = File.createTempFile("pm-err", ".txt");
      Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out).redirectError(err).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        LOG.warn("{} command '{}' killed after {} s", tag, command, timeout.toSeconds());
        return new Result(false, "timed out after " + timeout.toSeconds() + " s");
      }
      String stdout = Files.readString(out.toPath(), StandardCharsets.UTF_8).strip();
      String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8).strip();
      int rc = p.exitValue();
      LOG.info("{} command '{}' exited {}{}{}", tag, command, rc,
          stdout.isEmpty() ? "" : "; stdout: " + stdout, stderr.isEmpty() ? "" : "; stderr: " + stderr);
      return new Result(rc == 0, "exit " + rc + (stderr.isEmpty() ? "" : ": " + stderr));
    } catch (IOException e) {
      LOG.warn("{} command '{}' could not be run: {}", tag, command, e.getMessage());
      return new Result(false, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(false, "interrupted");
    } finally {
      if (out != null) {
        out.delete();
      }
      if (err != null) {
        err.delete();
      }
    }
  }
}
