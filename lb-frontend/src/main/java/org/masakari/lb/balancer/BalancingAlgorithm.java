package org.masakari.lb.balancer;

import java.util.List;
import org.masakari.lb.config.BackendConfig.Algorithm;

/** Picks one of the candidates (all usable and with room); never called with an empty list. */
public interface BalancingAlgorithm {
  Server pick(List<Server> candidates, RequestKey key);

  /** The one registry of algorithms. */
  static BalancingAlgorithm of(Algorithm algorithm) {
    return switch (algorithm) {
      case ROUNDROBIN -> new WeightedRoundRobin();
      case LEASTCONN -> new LeastConnections();
      case SOURCE -> new RendezvousHash(RequestKey::sourceIp);
      case URI -> new RendezvousHash(RequestKey::uri);
    };
  }
}
