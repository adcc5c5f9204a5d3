package org.masakari.client.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An oslo.config style INI file: {@code [section]}, {@code key = value} or {@code key: value},
 * {@code #}/{@code ;} comments, indented continuation lines, and repeated keys kept in order (the
 * last one wins for single-valued options). Every value remembers its line so that a bad value can
 * be reported as file:line [section] option.
 */
public final class IniFile {

  /** One occurrence of an option in the file. */
  public record Entry(String section, String option, String value, int line) {}

  private final Path file;
  private final Map<String, Map<String, List<Entry>>> sections;

  private IniFile(Path file, Map<String, Map<String, List<Entry>>> sections) {
    this.file = file;
    this.sections = sections;
  }

  /** An empty file: every option takes its default. */
  public static IniFile empty() {
    return new IniFile(null, new LinkedHashMap<>());
  }

  public static IniFile load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException(file, 0, null, null, "cannot read configuration file: " + e);
    }
    return parse(file, lines);
  }

  public static IniFile parse(Path file, List<String> lines) {
    Map<String, Map<String, List<Entry>>> sections = new LinkedHashMap<>();
    String section = null;
    Entry last = null;
    for (int i = 0; i < lines.size(); i++) {
      int lineNo = i + 1;
      String raw = lines.get(i);
      String trimmed = raw.strip();
      if (trimmed.isEmpty()) {
        last = null;
        continue;
      }
      if (trimmed.startsWith("#") || trimmed.startsWith(";")) {
        continue;
      }
      boolean indented = Character.isWhitespace(raw.charAt(0));
      if (indented && last != null) {
        // continuation line: oslo.config joins them with a newline
        Entry joined = new Entry(last.section(), last.option(), last.value() + "\n" + trimmed, last.line());
        List<Entry> list = sections.get(last.section()).get(last.option());
        list.set(list.size() - 1, joined);
        last = joined;
        continue;
      }
      if (trimmed.startsWith("[")) {
        if (!trimmed.endsWith("]") || trimmed.length() < 3) {
          throw new ConfigException(file, lineNo, null, null, "malformed section header: " + trimmed);
        }
        section = trimmed.substring(1, trimmed.length() - 1).strip();
        sections.computeIfAbsent(section, k -> new LinkedHashMap<>());
        last = null;
        continue;
      }
      int eq = indexOfSeparator(trimmed);
      if (eq <= 0) {
        throw new ConfigException(file, lineNo, section, null,
            "expected 'option = value', found: " + trimmed);
      }
      if (section == null) {
        throw new ConfigException(file, lineNo, null, trimmed.substring(0, eq).strip(),
            "option appears before any [section] header");
      }
      String option = trimmed.substring(0, eq).strip();
      String value = trimmed.substring(eq + 1).strip();
      value = unquote(value);
      Entry entry = new Entry(section, option, value, lineNo);
      sections.get(section).computeIfAbsent(option, k -> new ArrayList<>()).add(entry);
      last = entry;
    }
    return new IniFile(file, sections);
  }

  private static int indexOfSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    if (colon < 0) {
      return eq;
    }
    return Math.min(eq, colon);
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && ((value.startsWith("\"") && value.endsWith("\"")) || (value.startsWith("'") && value.endsWith("'")))) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }

  public Path file() {
    return file;
  }

  /** The last value given for the option, if any. Section names are case-sensitive as in oslo. */
  public Optional<Entry> get(String section, String option) {
    List<Entry> all = getAll(section, option);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  public List<Entry> getAll(String section, String option) {
    Map<String, List<Entry>> s = sections.get(section);
    if (s == null) {
      return List.of();
    }
    List<Entry> l = s.get(option);
    return l == null ? List.of() : Collections.unmodifiableList(l);
  }

  public boolean hasSection(String section) {
    return sections.containsKey(section);
  }

  public List<String> sections() {
    return List.copyOf(sections.keySet());
  }

  /** Every option of a section, last occurrence of each. */
  public List<Entry> entries(String section) {
    Map<String, List<Entry>> s = sections.get(section);
    if (s == null) {
      return List.of();
    }
    List<Entry> out = new ArrayList<>();
    for (List<Entry> l : s.values()) {
      out.add(l.get(l.size() - 1));
    }
    return out;
  }

  /**
   * This file with {@code PREFIX__SECTION__OPTION=value} environment variables applied on top (the
   * section is matched case-insensitively, DEFAULT included), so containers can override single options.
   */
  public IniFile withEnvironment(String prefix, Map<String, String> env) {
    Map<String, Map<String, List<Entry>>> copy = new LinkedHashMap<>();
    sections.forEach((k, v) -> {
      Map<String, List<Entry>> m = new LinkedHashMap<>();
      v.forEach((o, l) -> m.put(o, new ArrayList<>(l)));
      copy.put(k, m);
    });
    String p = prefix + "__";
    for (Map.Entry<String, String> e : env.entrySet()) {
      if (!e.getKey().startsWith(p)) {
        continue;
      }
      String[] parts = e.getKey().substring(p.length()).split("__", 2);
      if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
        continue;
      }
      String section = parts[0].equalsIgnoreCase("DEFAULT") ? "DEFAULT" : parts[0].toLowerCase(java.util.Locale.ROOT);
      for (String existing : copy.keySet()) {
        if (existing.equalsIgnoreCase(parts[0])) {
          section = existing;
        }
      }
      String option = parts[1].toLowerCase(java.util.Locale.ROOT);
      copy.computeIfAbsent(section, k -> new LinkedHashMap<>())
          .computeIfAbsent(option, k -> new ArrayList<>())
          .add(new Entry(section, option, e.getValue(), 0));
    }
    return new IniFile(file, copy);
  }

  /** Typed reading of one section; every failure names file, line, section and option. */
  public Section section(String name) {
    return new Section(this, name);
  }
}
