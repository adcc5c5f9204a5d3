package org.masakari.lb.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Typed access to one YAML mapping. Every error message starts with {@code file:line: path.option:}.
 * Unknown options are rejected: in HA configuration a misspelt {@code priorty} must not go unnoticed.
 */
public final class Section {
  private final String file;
  private final String path;
  private final ConfigNode.Mapping node;

  Section(String file, String path, ConfigNode.Mapping node) {
    this.file = file;
    this.path = path;
    this.node = node;
  }

  public String path() {
    return path;
  }

  public int line() {
    return node.line();
  }

  public ConfigException error(String option, String message) {
    Integer line = node.keyLines().get(option);
    return new ConfigException(file + ":" + (line == null ? node.line() : line) + ": " + qualified(option) + ": " + message);
  }

  private String qualified(String option) {
    return path.isEmpty() ? option : path + "." + option;
  }

  public void allowOnly(String... known) {
    Set<String> allowed = Set.of(known);
    for (String key : node.entries().keySet()) {
      if (!allowed.contains(key)) {
        throw error(key, "unknown option (known: " + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }

  public boolean has(String option) {
    ConfigNode v = node.entries().get(option);
    return v != null && !(v instanceof ConfigNode.Null);
  }

  private String scalar(String option) {
    ConfigNode v = node.entries().get(option);
    if (v instanceof ConfigNode.Scalar s) {
      return s.text().trim();
    }
    throw error(option, "expected a single value");
  }

  public String string(String option, String defaultValue) {
    return has(option) ? scalar(option) : defaultValue;
  }

  public String requiredString(String option) {
    if (!has(option)) {
      throw error(option, "is required");
    }
    return scalar(option);
  }

  public int integer(String option, int defaultValue, int min, int max) {
    if (!has(option)) {
      return defaultValue;
    }
    String text = scalar(option);
    int value;
    try {
      value = Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw error(option, "expected an integer " + min + ".." + max + ", got \"" + text + "\"");
    }
    if (value < min || value > max) {
      throw error(option, "must be " + min + ".." + max + ", got " + value);
    }
    return value;
  }

  public boolean bool(String option, boolean defaultValue) {
    if (!has(option)) {
      return defaultValue;
    }
    String text = scalar(option).toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw error(option, "expected true or false, got \"" + text + "\"");
    };
  }

  /**
   * A duration: "2s", "100ms", "1.5s", "1m", or a bare number in {@code bareUnit} (keepalived's
   * seconds for advert_int, HAProxy's milliseconds for check inter).
   */
  public Duration duration(String option, Duration defaultValue, String bareUnit, Duration min, Duration max) {
    if (!has(option)) {
      return defaultValue;
    }
    String text = scalar(option).toLowerCase(Locale.ROOT);
    Duration d;
    try {
      d = parseDuration(text, bareUnit);
    } catch (NumberFormatException | ArithmeticException e) {
      throw error(option, "expected a duration like 2s, 100ms or a number of " + bareUnit + ", got \"" + text + "\"");
    }
    if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
      throw error(option, "must be between " + min.toMillis() + " ms and " + max.toMillis() + " ms, got \"" + text + "\"");
    }
    return d;
  }

  static Duration parseDuration(String text, String bareUnit) {
    String unit = bareUnit;
    String number = text;
    for (String u : List.of("ms", "s", "m")) {
      if (text.endsWith(u) && Character.isDigit(text.charAt(text.length() - u.length() - 1))) {
        unit = u;
        number = text.substring(0, text.length() - u.length());
        break;
      }
    }
    BigDecimal value = new BigDecimal(number.trim());
    BigDecimal nanos = switch (unit) {
      case "ms" -> value.movePointRight(6);
      case "s" -> value.movePointRight(9);
      case "m" -> value.multiply(BigDecimal.valueOf(60)).movePointRight(9);
      default -> throw new NumberFormatException(unit);
    };
    if (nanos.signum() < 0) {
      throw new NumberFormatException("negative");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }

  public <E extends Enum<E>> E enumValue(String option, Class<E> type, E defaultValue) {
    if (!has(option)) {
      return defaultValue;
    }
    String text = scalar(option);
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(text)) {
        return e;
      }
    }
    List<String> names = new ArrayList<>();
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw error(option, "expected one of " + names + ", got \"" + text + "\"");
  }

  public Section section(String option) {
    ConfigNode v = node.entries().get(option);
    if (v == null || v instanceof ConfigNode.Null) {
      return new Section(file, qualified(option), new ConfigNode.Mapping(new java.util.LinkedHashMap<>(),
          new java.util.LinkedHashMap<>(), node.line()));
    }
    if (v instanceof ConfigNode.Mapping m) {
      return new Section(file, qualified(option), m);
    }
    throw error(option, "expected a mapping of options");
  }

  public List<String> strings(String option) {
    ConfigNode v = node.entries().get(option);
    if (v == null || v instanceof ConfigNode.Null) {
      return List.of();
    }
    if (v instanceof ConfigNode.Scalar s) {
      return List.of(s.text().trim());
    }
    if (v instanceof ConfigNode.Sequence seq) {
      List<String> out = new ArrayList<>();
      for (ConfigNode item : seq.items()) {
        if (!(item instanceof ConfigNode.Scalar s)) {
          throw new ConfigException(file + ":" + item.line() + ": " + qualified(option) + ": expected a list of values");
        }
        out.add(s.text().trim());
      }
      return out;
    }
    throw error(option, "expected a list of values");
  }

  /** A list of mappings, each read by {@code reader}. */
  public <T> List<T> sections(String option, Function<Section, T> reader) {
    ConfigNode v = node.entries().get(option);
    if (v == null || v instanceof ConfigNode.Null) {
      return List.of();
    }
    if (!(v instanceof ConfigNode.Sequence seq)) {
      throw error(option, "expected a list");
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      ConfigNode item = seq.items().get(i);
      if (!(item instanceof ConfigNode.Mapping m)) {
        throw new ConfigException(file + ":" + item.line() + ": " + qualified(option) + "[" + i + "]: expected a mapping");
      }
      out.add(reader.apply(new Section(file, qualified(option) + "[" + i + "]", m)));
    }
    return out;
  }

  /** Wraps a value check so its message gets this option's file, line and name. */
  public <T> T check(String option, java.util.function.Supplier<T> parse) {
    try {
      return parse.get();
    } catch (IllegalArgumentException e) {
      throw error(option, e.getMessage());
    }
  }
}
