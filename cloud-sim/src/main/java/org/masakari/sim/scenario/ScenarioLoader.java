package org.masakari.sim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.masakari.sim.control.CallFault;
import org.masakari.sim.keystone.UserAccount;

/**
 * Reads a scenario YAML file (format in docs/cloud-sim.md). Walks the tree by hand so every
 * mistake is reported with its place in the file ("servers[3].host: ...") and unknown keys are
 * refused rather than silently ignored.
 */
public final class ScenarioLoader {
  private static final Set<String> TOP = Set.of("settings", "users", "hosts", "aggregates", "servers", "faults");
  private static final Set<String> SETTINGS = Set.of("service_down_time", "report_interval", "build_delay",
      "rebuild_delay", "power_off_delay", "power_on_delay", "host_cleanup_delay");
  private static final int MAX_GENERATED = 1_000_000;

  private ScenarioLoader() {}

  public static Scenario load(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read scenario: " + e.getMessage(), e);
    }
  }

  public static Scenario parse(String yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Scenario.empty();
    }
    requireObject(source, root);
    onlyKeys(source, root, TOP);
    Map<String, String> settings = new LinkedHashMap<>();
    JsonNode s = root.path("settings");
    if (!s.isMissingNode()) {
      requireObject(source + ": settings", s);
      onlyKeys(source + ": settings", s, SETTINGS);
      s.fields().forEachRemaining(e -> {
        Durations.parse(source + ": settings." + e.getKey(), e.getValue().asText());
        settings.put(e.getKey(), e.getValue().asText());
      });
    }
    List<String> hosts = hosts(source, root.path("hosts"));
    List<Scenario.ServerSeed> servers = servers(source, root.path("servers"), hosts);
    return new Scenario(settings, users(source, root.path("users")), hosts, aggregates(source, root.path("aggregates")),
        servers, faults(source, root.path("faults")));
  }

  private static List<UserAccount> users(String source, JsonNode node) {
    List<UserAccount> out = new ArrayList<>();
    int i = 0;
    for (JsonNode u : list(source + ": users", node)) {
      String at = source + ": users[" + i++ + "]";
      onlyKeys(at, u, Set.of("name", "password", "project", "role", "roles"));
      List<String> roles = new ArrayList<>();
      if (u.has("role")) {
        roles.add(u.get("role").asText());
      }
      u.path("roles").forEach(r -> roles.add(r.asText()));
      if (roles.isEmpty()) {
        roles.add("member");
      }
      try {
        out.add(new UserAccount(text(u, "name"), text(u, "password"), text(u, "project"), roles));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static List<String> hosts(String source, JsonNode node) {
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode h : list(source + ": hosts", node)) {
      String at = source + ": hosts[" + i++ + "]";
      if (h.isTextual()) {
        out.add(h.asText());
        continue;
      }
      onlyKeys(at, h, Set.of("prefix", "count"));
      int count = count(at, h);
      for (int n = 1; n <= count; n++) {
        out.add(required(at, h, "prefix") + n);
      }
    }
    return out;
  }

  private static List<Scenario.AggregateSpec> aggregates(String source, JsonNode node) {
    List<Scenario.AggregateSpec> out = new ArrayList<>();
    int i = 0;
    for (JsonNode a : list(source + ": aggregates", node)) {
      String at = source + ": aggregates[" + i++ + "]";
      onlyKeys(at, a, Set.of("name", "availability_zone", "hosts"));
      List<String> members = new ArrayList<>();
      a.path("hosts").forEach(h -> members.add(h.asText()));
      out.add(new Scenario.AggregateSpec(required(at, a, "name"), text(a, "availability_zone"), members));
    }
    return out;
  }

  private static List<Scenario.ServerSeed> servers(String source, JsonNode node, List<String> allHosts) {
    List<Scenario.ServerSeed> out = new ArrayList<>();
    int i = 0;
    for (JsonNode s : list(source + ": servers", node)) {
      String at = source + ": servers[" + i++ + "]";
      onlyKeys(at, s, Set.of("name", "name_prefix", "count", "host", "hosts", "project", "status", "flavor", "metadata"));
      Map<String, String> metadata = new LinkedHashMap<>();
      s.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), metadataValue(e.getValue())));
      String project = s.has("project") ? s.get("project").asText() : "demo";
      String status = s.has("status") ? s.get("status").asText().toUpperCase(java.util.Locale.ROOT) : "ACTIVE";
      if (!Set.of("ACTIVE", "SHUTOFF", "ERROR").contains(status)) {
        throw new IllegalArgumentException(at + ".status: must be ACTIVE, SHUTOFF or ERROR, got " + status);
      }
      String flavor = s.has("flavor") ? s.get("flavor").asText() : "m1.tiny";
      if (s.has("name")) {
        out.add(new Scenario.ServerSeed(s.get("name").asText(), required(at, s, "host"), project, status, flavor, metadata));
        continue;
      }
      // a group: count servers spread round-robin over the listed hosts (or "all")
      int count = count(at, s);
      List<String> on = new ArrayList<>();
      JsonNode hs = s.path("hosts");
      if (hs.isMissingNode() || (hs.isTextual() && hs.asText().equals("all"))) {
        on.addAll(allHosts);
      } else {
        hs.forEach(h -> on.add(h.asText()));
      }
      if (on.isEmpty()) {
        throw new IllegalArgumentException(at + ".hosts: no hosts to place " + count + " servers on");
      }
      String prefix = required(at, s, "name_prefix");
      for (int n = 1; n <= count; n++) {
        out.add(new Scenario.ServerSeed(prefix + n, on.get((n - 1) % on.size()), project, status, flavor, metadata));
      }
    }
    return out;
  }

  private static Map<String, CallFault> faults(String source, JsonNode node) {
    Map<String, CallFault> out = new LinkedHashMap<>();
    if (node.isMissingNode()) {
      return out;
    }
    requireObject(source + ": faults", node);
    Iterator<Map.Entry<String, JsonNode>> it = node.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String at = source + ": faults." + e.getKey();
      JsonNode f = e.getValue();
      onlyKeys(at, f, Set.of("latency", "error_rate", "error_status"));
      try {
        out.put(e.getKey(), new CallFault(
            f.has("latency") ? Durations.parse(at + ".latency", f.get("latency").asText()) : java.time.Duration.ZERO,
            f.path("error_rate").asDouble(0.0), f.path("error_status").asInt(500)));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(at + ": " + ex.getMessage(), ex);
      }
    }
    return out;
  }

  /** Nova metadata values are strings; an unquoted YAML True is written the way Python would. */
  private static String metadataValue(JsonNode v) {
    if (v.isBoolean()) {
      return v.asBoolean() ? "True" : "False";
    }
    return v.asText();
  }

  private static int count(String at, JsonNode n) {
    if (!n.path("count").canConvertToInt() || n.get("count").asInt() < 1 || n.get("count").asInt() > MAX_GENERATED) {
      throw new IllegalArgumentException(at + ".count: must be a number from 1 to " + MAX_GENERATED);
    }
    return n.get("count").asInt();
  }

  private static Iterable<JsonNode> list(String at, JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(at + ": must be a list");
    }
    return node;
  }

  private static void requireObject(String at, JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException(at + ": must be a mapping");
    }
  }

  private static void onlyKeys(String at, JsonNode n, Set<String> allowed) {
    requireObject(at, n);
    n.fieldNames().forEachRemaining(k -> {
      if (!allowed.contains(k)) {
        throw new IllegalArgumentException(at + ": unknown key '" + k + "' (allowed: " + new java.util.TreeSet<>(allowed) + ")");
      }
    });
  }

  private static String text(JsonNode n, String key) {
    return n.hasNonNull(key) ? n.get(key).asText() : null;
  }

  private static String required(String at, JsonNode n, String key) {
    String v = text(n, key);
    if (v == null || v.isBlank()) {
      throw new IllegalArgumentException(at + "." + key + ": is required");
    }
    return v;
  }
}
