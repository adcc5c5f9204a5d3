package org.masakari.client.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to one section of an {@link IniFile}. Reading an option marks it as known so that
 * {@link #unknownOptions()} can warn about the rest (typos, options of other services).
 */
public final class Section {
  private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
  private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

  private final IniFile ini;
  private final String name;
  private final Set<String> known = new HashSet<>();

  Section(IniFile ini, String name) {
    this.ini = ini;
    this.name = name;
  }

  public String name() {
    return name;
  }

  private Optional<IniFile.Entry> raw(String option) {
    known.add(option);
    return ini.get(name, option);
  }

  /** Marks options as accepted (read elsewhere or deliberately ignored), so they do not warn. */
  public Section accept(String... options) {
    known.addAll(List.of(options));
    return this;
  }

  public ConfigException invalid(String option, String problem) {
    int line = ini.get(name, option).map(IniFile.Entry::line).orElse(0);
    return new ConfigException(ini.file(), line, name, option, problem);
  }

  public Optional<String> optString(String option) {
    return raw(option).map(IniFile.Entry::value).filter(v -> !v.isEmpty());
  }

  public String string(String option, String dflt) {
    return optString(option).orElse(dflt);
  }

  public int integer(String option, int dflt, int min, int max) {
    Optional<IniFile.Entry> e = raw(option);
    if (e.isEmpty() || e.get().value().isEmpty()) {
      return dflt;
    }
    int v;
    try {
      v = Integer.parseInt(e.get().value().strip());
    } catch (NumberFormatException ex) {
      throw invalid(option, "not an integer: '" + e.get().value() + "'");
    }
    if (v < min || v > max) {
      throw invalid(option, "value " + v + " is outside [" + min + ", " + max + "]");
    }
    return v;
  }

  public boolean bool(String option, boolean dflt) {
    Optional<IniFile.Entry> e = raw(option);
    if (e.isEmpty() || e.get().value().isEmpty()) {
      return dflt;
    }
    String v = e.get().value().strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(v)) {
      return true;
    }
    if (FALSE.contains(v)) {
      return false;
    }
    throw invalid(option, "not a boolean: '" + e.get().value() + "' (use true or false)");
  }

  /** An integer number of seconds, as oslo options are written. */
  public Duration seconds(String option, long dfltSeconds, long minSeconds) {
    int v = integer(option, (int) dfltSeconds, (int) minSeconds, Integer.MAX_VALUE);
    return Duration.ofSeconds(v);
  }

  /** A float number of seconds (some monitor options accept fractions). */
  public Duration fractionalSeconds(String option, double dflt, double min) {
    Optional<IniFile.Entry> e = raw(option);
    if (e.isEmpty() || e.get().value().isEmpty()) {
      return Duration.ofNanos((long) (dflt * 1e9));
    }
    double v;
    try {
      v = Double.parseDouble(e.get().value().strip());
    } catch (NumberFormatException ex) {
      throw invalid(option, "not a number: '" + e.get().value() + "'");
    }
    if (v < min || Double.isNaN(v)) {
      throw invalid(option, "value " + v + " is below the minimum " + min);
    }
    return Duration.ofNanos((long) (v * 1e9));
  }

  public <E extends Enum<E>> String choice(String option, String dflt, Set<String> allowed) {
    String v = string(option, dflt);
    if (!allowed.contains(v)) {
      throw invalid(option, "'" + v + "' is not one of " + allowed);
    }
    return v;
  }

  /** Comma-separated list, blanks dropped. */
  public List<String> list(String option, List<String> dflt) {
    Optional<String> v = optString(option);
    if (v.isEmpty()) {
      return dflt;
    }
    List<String> out = new ArrayList<>();
    for (String p : v.get().split("[,\n]")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  /** Options present in the file but never read: the caller logs a warning for each. */
  public List<IniFile.Entry> unknownOptions() {
    List<IniFile.Entry> out = new ArrayList<>();
    for (IniFile.Entry e : ini.entries(name)) {
      if (!known.contains(e.option())) {
        out.add(e);
      }
    }
    return out;
  }
}
