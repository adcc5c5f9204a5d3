package org.masakari.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.masakari.client.config.ConfigException;
import org.masakari.core.config.MasakariConfig;

/** Loads masakari.conf; a missing file is a ConfigException naming it (exit code 2). */
final class ConfigLoading {
  private ConfigLoading() {}

  static MasakariConfig load(Path file) {
    return MasakariConfig.of(ini(file));
  }

  static org.masakari.client.config.IniFile ini(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigException(file, 0, null, null, "configuration file not found");
    }
    return org.masakari.client.config.IniFile.load(file);
  }
}
