package org.masakari.lb.config;

/** A rejected configuration; the message names the file, the line and the option. */
public final class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
