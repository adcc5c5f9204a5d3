package org.masakari.lb.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The whole {@code lb.yaml}.
 *
 * @param admin local runtime API + stats address (null = none); bind it to 127.0.0.1
 * @param eventLoops event loops for the balancer (0 = one per CPU)
 * @param warmup local traffic through the HTTP fast path before the frontends listen (zero = none)
 */
public record LbConfig(HostPort admin, int eventLoops, Duration warmup, List<VrrpInstanceConfig> vrrpInstances,
    List<FrontendConfig> frontends, List<BackendConfig> backends) {

  public static final Duration DEFAULT_WARMUP = Duration.ZERO;

  public LbConfig {
    vrrpInstances = List.copyOf(vrrpInstances);
    frontends = List.copyOf(frontends);
    backends = List.copyOf(backends);
  }

  public Optional<BackendConfig> backend(String name) {
    return backends.stream().filter(b -> b.name().equals(name)).findFirst();
  }
}
