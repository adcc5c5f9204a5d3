package org.masakari.monitor.host.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HeartbeatMessageTest {
  private static final Set<String> HOSTS = Set.of("a", "b", "c");

  private static HeartbeatMessage.Decoded decode(byte[] b, Optional<String> key) {
    return HeartbeatMessage.decode(b, b.length, key, HOSTS, "a");
  }

  @Test
  void roundTripWithAndWithoutKey() {
    HeartbeatMessage m = new HeartbeatMessage("b", "storage", 42, Set.of("c"));
    assertThat(decode(m.encode(Optional.empty()), Optional.empty()).message()).contains(m);
    assertThat(decode(m.encode(Optional.of("k")), Optional.of("k")).message()).contains(m);
    assertThat(new String(m.encode(Optional.empty()), StandardCharsets.UTF_8)).isEqualTo("MHB1|b|storage|42|c|");
  }

  @Test
  void verdicts() {
    HeartbeatMessage m = new HeartbeatMessage("b", "mgmt", 1, Set.of());
    assertThat(decode(m.encode(Optional.of("k")), Optional.of("other")).verdict()).isEqualTo(HeartbeatMessage.Verdict.BAD_MAC);
    assertThat(decode(m.encode(Optional.empty()), Optional.of("k")).verdict()).isEqualTo(HeartbeatMessage.Verdict.BAD_MAC);
    assertThat(decode("hello".getBytes(StandardCharsets.UTF_8), Optional.empty()).verdict())
        .isEqualTo(HeartbeatMessage.Verdict.MALFORMED);
    assertThat(decode(new HeartbeatMessage("z", "mgmt", 1, Set.of()).encode(Optional.empty()), Optional.empty()).verdict())
        .isEqualTo(HeartbeatMessage.Verdict.UNKNOWN_SENDER);
    assertThat(decode(new HeartbeatMessage("a", "mgmt", 1, Set.of()).encode(Optional.empty()), Optional.empty()).verdict())
        .isEqualTo(HeartbeatMessage.Verdict.FROM_SELF);
  }
}
