package org.masakari.lb.balancer;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.masakari.lb.config.BackendConfig;

/** Backends by name; frontends look their backend up per request, so a reload applies at once. */
public final class BackendRegistry {
  private final Map<String, Backend> backends = new ConcurrentHashMap<>();

  public synchronized void apply(List<BackendConfig> configs) {
    for (BackendConfig c : configs) {
      backends.compute(c.name(), (n, existing) -> {
        if (existing == null) {
          return new Backend(c);
        }
        existing.apply(c);
        return existing;
      });
    }
    backends.keySet().removeIf(n -> configs.stream().noneMatch(c -> c.name().equals(n)));
  }

  public Backend get(String name) {
    return backends.get(name);
  }

  public Collection<Backend> all() {
    return backends.values();
  }

  /** True when every backend has a usable server: the local balancer can serve. */
  public boolean allHealthy() {
    for (Backend b : backends.values()) {
      if (!b.healthy()) {
        return false;
      }
    }
    return !backends.isEmpty();
  }
}
