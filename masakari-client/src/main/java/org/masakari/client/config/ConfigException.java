package org.masakari.client.config;

import java.nio.file.Path;

/**
 * A configuration problem that must stop start-up. The message always names the file, and where
 * known the line, section and option, so an operator can fix it without reading code.
 */
public final class ConfigException extends RuntimeException {
  private final transient Path file;
  private final int line;
  private final String section;
  private final String option;

  public ConfigException(Path file, int line, String section, String option, String problem) {
    super(describe(file, line, section, option, problem));
    this.file = file;
    this.line = line;
    this.section = section;
    this.option = option;
  }

  private static String describe(Path file, int line, String section, String option, String problem) {
    StringBuilder sb = new StringBuilder();
    sb.append(file == null ? "<defaults>" : file.toString());
    if (line > 0) {
      sb.append(':').append(line);
    }
    if (section != null) {
      sb.append(" [").append(section).append(']');
    }
    if (option != null) {
      sb.append(' ').append(option);
    }
    return sb.append(": ").append(problem).toString();
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String section() {
    return section;
  }

  public String option() {
    return option;
  }
}
