package org.masakari.monitor.process;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Matches upstream's {@code process_name} against a process's argv from /proc instead of searching
 * the text of {@code ps -ef}: the first word must be the executable (the full path, or the bare name
 * when the word has no "/"), the remaining words must be the first arguments, in order. When argv[0]
 * is a script interpreter (python, perl, sh...), the match may also start at argv[1], so
 * {@code nova-compute} finds {@code /usr/bin/python3 /usr/bin/nova-compute}.
 */
final class ProcessPattern {
  private static final Set<String> INTERPRETER_PREFIXES = Set.of("python", "perl", "ruby", "sh", "bash", "dash");

  private final List<String> words;

  ProcessPattern(String processName) {
    this.words = Arrays.asList(processName.strip().split("\\s+"));
  }

  boolean matches(List<String> argv) {
    if (argv.isEmpty()) {
      return false;
    }
    if (matchesAt(argv, 0)) {
      return true;
    }
    return argv.size() > 1 && isInterpreter(argv.get(0)) && matchesAt(argv, 1);
  }

  private boolean matchesAt(List<String> argv, int offset) {
    if (argv.size() - offset < words.size()) {
      return false;
    }
    if (!sameExecutable(words.get(0), argv.get(offset))) {
      return false;
    }
    for (int i = 1; i < words.size(); i++) {
      if (!words.get(i).equals(argv.get(offset + i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameExecutable(String word, String arg) {
    if (word.contains("/")) {
      return word.equals(arg);
    }
    return word.equals(basename(arg));
  }

  private static boolean isInterpreter(String arg0) {
    String b = basename(arg0);
    for (String p : INTERPRETER_PREFIXES) {
      if (b.equals(p) || (b.startsWith(p) && b.substring(p.length()).matches("[0-9.]+"))) {
        return true;
      }
    }
    return false;
  }

  private static String basename(String s) {
    return s.substring(s.lastIndexOf('/') + 1);
  }
}
