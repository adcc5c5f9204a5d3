package org.masakari.lb;

import java.util.List;
import java.util.Locale;
import org.masakari.lb.config.ConfigException;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.config.LbConfigLoader;

/**
 * {@code --listen/--backends}: one frontend and one backend without a file (the lb-bench.sh
 * plug-in contract). Built by writing the equivalent YAML so that the same validation applies.
 */
final class QuickConfig {
  private QuickConfig() {}

  static LbConfig of(String listen, List<String> backends, String mode, String checkType, int interMs, int fall, int rise,
      int eventLoops) {
    StringBuilder y = new StringBuilder();
    y.append("global:\n  event_loops: ").append(eventLoops).append('\n');
    y.append("frontends:\n  - name: quick\n    bind: \"").append(listen).append("\"\n    mode: ")
        .append(mode.toLowerCase(Locale.ROOT)).append("\n    default_backend: quick\n");
    y.append("backends:\n  - name: quick\n    check: {type: ").append(checkType).append(", inter: ").append(interMs)
        .append(", fall: ").append(fall).append(", rise: ").append(rise).append("}\n    servers:\n");
    int i = 0;
    for (String b : backends) {
      y.append("      - {name: s").append(++i).append(", address: \"").append(b.trim()).append("\"}\n");
    }
    try {
      java.nio.file.Path tmp = java.nio.file.Files.createTempFile("lb-quick", ".yaml");
      try {
        java.nio.file.Files.writeString(tmp, y.toString());
        return LbConfigLoader.load(tmp);
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    } catch (java.io.IOException e) {
      throw new ConfigException("quick mode: cannot write a temporary config: " + e.getMessage());
    }
  }
}
