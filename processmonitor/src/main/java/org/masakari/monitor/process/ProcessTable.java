package org.masakari.monitor.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The argv of every live process, read from /proc/PID/cmdline (zombies and kernel threads have none). */
final class ProcessTable {
  private final Path proc;

  ProcessTable(Path proc) {
    this.proc = proc;
  }

  static ProcessTable system() {
    return new ProcessTable(Path.of("/proc"));
  }

  record ProcessInfo(long pid, List<String> argv) {}

  List<ProcessInfo> snapshot() {
    List<ProcessInfo> out = new ArrayList<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, p -> isPid(p.getFileName().toString()))) {
      for (Path d : dirs) {
        List<String> argv = argv(d.resolve("cmdline"));
        if (!argv.isEmpty()) {
          out.add(new ProcessInfo(Long.parseLong(d.getFileName().toString()), argv));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + proc + ": " + e, e);
    }
    return out;
  }

  boolean anyMatches(ProcessPattern pattern) {
    return snapshot().stream().anyMatch(p -> pattern.matches(p.argv()));
  }

  private static List<String> argv(Path cmdline) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(cmdline);
    } catch (IOException e) {
      return List.of(); // the process exited while we looked
    }
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= raw.length; i++) {
      if (i == raw.length || raw[i] == 0) {
        if (i > start || i < raw.length) {
          out.add(new String(raw, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    // a trailing NUL yields an empty last element; drop it
    if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
      out.remove(out.size() - 1);
    }
    return out;
  }

  private static boolean isPid(String name) {
    return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
  }
}
