package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masakari.lb.config.BackendConfig.Algorithm;
import org.masakari.lb.config.HostPort;

class BalancingAlgorithmTest {
  static Server server(String name, int weight) {
    return new Server("be", name, new HostPort("127.0.0.1", 1), weight, 0, 1);
  }

  @Test
  void sourceHashMovesOnlyTheKeysOfALostServer() {
    Server a = server("a", 1);
    Server b = server("b", 1);
    Server c = server("c", 1);
    BalancingAlgorithm hash = BalancingAlgorithm.of(Algorithm.SOURCE);
    Map<String, String> before = new HashMap<>();
    for (int i = 0; i < 1000; i++) {
      before.put("10.0." + (i / 256) + "." + (i % 256), hash.pick(List.of(a, b, c), new RequestKey("10.0." + (i / 256) + "." + (i % 256), null)).name());
    }
    assertThat(before.values().stream().filter("a"::equals).count()).isBetween(250L, 420L);
    int moved = 0;
    for (var e : before.entrySet()) {
      String after = hash.pick(List.of(a, b), new RequestKey(e.getKey(), null)).name();
      if (!e.getValue().equals("c")) {
        assertThat(after).isEqualTo(e.getValue());
      } else {
        moved++;
      }
    }
    assertThat(moved).isBetween(250, 420);
  }

  @Test
  void weightedHashFollowsWeights() {
    Server a = server("a", 1);
    Server b = server("b", 3);
    BalancingAlgorithm hash = BalancingAlgorithm.of(Algorithm.URI);
    int toB = 0;
    for (int i = 0; i < 4000; i++) {
      if (hash.pick(List.of(a, b), new RequestKey(null, "/p" + i)).name().equals("b")) {
        toB++;
      }
    }
    assertThat(toB).isBetween(2800, 3200);
  }

  @Test
  void leastconnPrefersFewerConnectionsPerWeight() {
    Server a = server("a", 1);
    Server b = server("b", 2);
    a.connectionOpened();
    b.connectionOpened();
    b.connectionOpened();
    b.connectionOpened();
    // a: 1/1 = 1.0, b: 3/2 = 1.5
    assertThat(BalancingAlgorithm.of(Algorithm.LEASTCONN).pick(List.of(a, b), new RequestKey(null, null))).isSameAs(a);
  }

  @Test
  void latencyHistogramPercentiles() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < 99; i++) {
      h.record(100_000); // 100 µs
    }
    h.record(50_000_000); // 50 ms
    assertThat(h.percentileMicros(0.5)).isEqualTo(128);
    assertThat(h.percentileMicros(0.99)).isEqualTo(128);
    assertThat(h.percentileMicros(1.0)).isEqualTo(65536);
  }

  @Test
  void passiveCheckMarksDownAfterTheErrorLimitAndActiveChecksBringItBack() {
    Server s = new Server("be", "s", new HostPort("127.0.0.1", 1), 1, 0, 2);
    s.trafficError("refused");
    assertThat(s.healthy()).isTrue();
    s.trafficError("refused");
    assertThat(s.healthy()).isFalse();
    s.checkResult(true, 2, 3, "ok");
    assertThat(s.healthy()).isFalse();
    s.checkResult(true, 2, 3, "ok");
    assertThat(s.healthy()).isTrue();
  }
}
