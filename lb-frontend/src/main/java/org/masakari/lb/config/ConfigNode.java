package org.masakari.lb.config;

import java.util.LinkedHashMap;
import java.util.List;

/** A YAML value with the line it came from, so every error can name it. */
public sealed interface ConfigNode {
  int line();

  record Scalar(String text, int line) implements ConfigNode {}

  record Sequence(List<ConfigNode> items, int line) implements ConfigNode {}

  record Mapping(LinkedHashMap<String, ConfigNode> entries, LinkedHashMap<String, Integer> keyLines, int line)
      implements ConfigNode {}

  record Null(int line) implements ConfigNode {}
}
