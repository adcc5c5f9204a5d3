package org.masakari.monitor.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.masakari.client.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads upstream's process_list.yaml: a YAML list (LP#1958093) of mappings with all eight keys.
 * Upstream crashes at run time on a missing key or a null command; we refuse the file instead, with
 * the entry number and key in the message.
 */
final class ProcessListLoader {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessListLoader.class);
  static final Set<String> KEYS = Set.of("process_name", "start_command", "pre_start_command",
      "post_start_command", "restart_command", "pre_restart_command", "post_restart_command",
      "run_as_root");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Path file;

  ProcessListLoader(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  List<ProcessEntry> load() {
    JsonNode root;
    try {
      root = YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new ConfigException(file, 0, null, null, "cannot read process list: " + e.getMessage());
    }
    if (root == null || !root.isArray()) {
      throw new ConfigException(file, 0, null, null, "process list must be a YAML list of mappings");
    }
    List<ProcessEntry> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      out.add(entry(root.get(i), "entry " + (i + 1)));
    }
    return List.copyOf(out);
  }

  private ProcessEntry entry(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new ConfigException(file, 0, where, null, "must be a mapping with keys " + KEYS);
    }
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) {
        LOG.warn("[process-list {}] {}: unknown key '{}' ignored", file, where, k);
      }
    }
    for (String k : KEYS) {
      if (!n.has(k)) {
        throw new ConfigException(file, 0, where, k, "missing (upstream requires all eight keys)");
      }
    }
    return new ProcessEntry(
        required(n, where, "process_name"),
        required(n, where, "start_command"),
        optional(n, where, "pre_start_command"),
        optional(n, where, "post_start_command"),
        required(n, where, "restart_command"),
        optional(n, where, "pre_restart_command"),
        optional(n, where, "post_restart_command"),
        bool(n, where, "run_as_root"));
  }

  private String required(JsonNode n, String where, String key) {
    return optional(n, where, key).orElseThrow(
        () -> new ConfigException(file, 0, where, key, "must be a non-empty string"));
  }

  private Optional<String> optional(JsonNode n, String where, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw new ConfigException(file, 0, where, key, "must be a string (quote YAML words such as false)");
    }
    String s = v.asText().strip();
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  private boolean bool(JsonNode n, String where, String key) {
    JsonNode v = n.get(key);
    if (v == null || v.isNull()) {
      return false; // upstream: a null run_as_root acts as false
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    throw new ConfigException(file, 0, where, key, "must be true or false, was '" + v.asText() + "'");
  }
}
