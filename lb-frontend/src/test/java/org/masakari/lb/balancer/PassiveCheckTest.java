package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.masakari.lb.config.HostPort;

/** The passive check's rule for timeouts: only a server that answers nothing else is ejected. */
class PassiveCheckTest {

  private static Server server() {
    return new Server("be", "a", new HostPort("127.0.0.1", 1), 1, 0, 1);
  }

  @Test
  void aTimeoutOfAServerThatAnsweredNothingSinceMarksItDown() {
    Server s = server();
    s.trafficOk();
    long since = System.nanoTime() + 5_000_000L;
    s.trafficTimeout("timeout", since);
    assertThat(s.healthy()).isFalse();
    assertThat(s.errors()).isEqualTo(1);
  }

  @Test
  void aSlowAnswerWhileTheServerAnswersOthersIsCountedButDoesNotEject() {
    Server s = server();
    long since = System.nanoTime() - 50_000_000L;
    s.trafficOk();
    s.trafficTimeout("timeout", since);
    assertThat(s.healthy()).isTrue();
    assertThat(s.errors()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectEjectsAtOnce() {
    Server s = server();
    s.trafficOk();
    s.trafficError("connect: refused");
    assertThat(s.healthy()).isFalse();
  }
}
