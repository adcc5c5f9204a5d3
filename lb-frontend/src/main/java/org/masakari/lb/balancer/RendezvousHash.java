package org.masakari.lb.balancer;

import java.util.List;
import java.util.function.Function;

/**
 * Weighted rendezvous (highest random weight) hashing: a key keeps its server while that server is
 * usable, and only the keys of a lost server move (HAProxy's {@code hash-type consistent} idea).
 */
final class RendezvousHash implements BalancingAlgorithm {
  private final Function<RequestKey, String> keyOf;

  RendezvousHash(Function<RequestKey, String> keyOf) {
    this.keyOf = keyOf;
  }

  @Override
  public Server pick(List<Server> candidates, RequestKey key) {
    String k = keyOf.apply(key);
    long keyHash = mix(k == null ? 0 : k.hashCode());
    Server best = null;
    double bestScore = -Double.MAX_VALUE;
    for (Server s : candidates) {
      long h = mix(keyHash ^ mix(s.name().hashCode()));
      // uniform in (0,1): top 53 bits
      double u = ((h >>> 11) + 0.5) / (double) (1L << 53);
      double score = s.weight() / -Math.log(u);
      if (score > bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return best;
  }

  /** SplitMix64 finaliser: spreads String.hashCode's weak low bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
