package org.masakari.lb.config;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads and validates {@code lb.yaml}; everything that is wrong is reported with file and line. */
public final class LbConfigLoader {
  private LbConfigLoader() {}

  public static LbConfig load(Path file) {
    ConfigNode root = YamlTreeReader.read(file);
    if (!(root instanceof ConfigNode.Mapping m)) {
      throw new ConfigException(file + ":" + root.line() + ": expected a mapping with global, vrrp_instances, frontends, backends");
    }
    Section s = new Section(file.toString(), "", m);
    s.allowOnly("global", "vrrp_instances", "frontends", "backends");
    Section g = s.section("global");
    g.allowOnly("admin", "admin_socket", "admin_socket_mode", "event_loops", "warmup");
    AdminConfig admin = AdminConfig.read(g);
    int loops = g.integer("event_loops", 0, 0, 256);
    java.time.Duration warmup = g.duration("warmup", LbConfig.DEFAULT_WARMUP, "s", java.time.Duration.ZERO,
        java.time.Duration.ofMinutes(5));
    List<VrrpInstanceConfig> vrrp = s.sections("vrrp_instances", VrrpInstanceConfig::read);
    List<FrontendConfig> frontends = s.sections("frontends", FrontendConfig::read);
    List<BackendConfig> backends = s.sections("backends", BackendConfig::read);
    validate(s, vrrp, frontends, backends);
    return new LbConfig(admin, loops, warmup, vrrp, frontends, backends);
  }

  /** Cross-section rules, in one place. */
  private static void validate(Section s, List<VrrpInstanceConfig> vrrp, List<FrontendConfig> frontends,
      List<BackendConfig> backends) {
    Set<String> backendNames = new HashSet<>();
    for (BackendConfig b : backends) {
      if (!backendNames.add(b.name())) {
        throw s.error("backends", "backend name '" + b.name() + "' is used twice");
      }
    }
    Set<String> frontendNames = new HashSet<>();
    Set<String> binds = new HashSet<>();
    for (FrontendConfig f : frontends) {
      if (!frontendNames.add(f.name())) {
        throw s.error("frontends", "frontend name '" + f.name() + "' is used twice");
      }
      if (!binds.add(f.bind().toString())) {
        throw s.error("frontends", "frontend '" + f.name() + "' binds " + f.bind() + " like another one");
      }
      if (!backendNames.contains(f.defaultBackend())) {
        throw s.error("frontends", "frontend '" + f.name() + "': default_backend '" + f.defaultBackend() + "' is not defined");
      }
    }
    Set<String> vrids = new HashSet<>();
    for (VrrpInstanceConfig v : vrrp) {
      if (!vrids.add(v.interfaceName() + "/" + v.virtualRouterId())) {
        throw s.error("vrrp_instances", "virtual_router_id " + v.virtualRouterId() + " is used twice on " + v.interfaceName());
      }
    }
  }
}
