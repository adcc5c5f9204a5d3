package org.masakari.lb.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole {@code lb.yaml}.
 *
 * @param admin where the runtime API and stats listen (HTTP address and/or Unix socket; never null)
 * @param eventLoops event loops for the balancer (0 = one per CPU)
 * @param warmup local traffic through the HTTP fast path before the frontends listen (zero = none)
 */
public record LbConfig(AdminConfig admin, int eventLoops, Duration warmup, List<VrrpInstanceConfig> vrrpInstances,
    List<FrontendConfig> frontends, List<BackendConfig> backends) {

  public static final Duration DEFAULT_WARMUP = Duration.ZERO;

  public LbConfig {
    admin = admin == null ? AdminConfig.NONE : admin;
    vrrpInstances = List.copyOf(vrrpInstances);
    frontends = List.copyOf(frontends);
    backends = List.copyOf(backends);
  }

  /** This configuration with other admin endpoints (a reload keeps the running ones). */
  public LbConfig withAdmin(AdminConfig other) {
    return new LbConfig(other, eventLoops, warmup, vrrpInstances, frontends, backends);
  }

  public Optional<BackendConfig> backend(String name) {
    return backends.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
