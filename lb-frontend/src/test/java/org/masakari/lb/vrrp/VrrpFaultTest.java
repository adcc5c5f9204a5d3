package org.masakari.lb.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masakari.lb.vrrp.VrrpCodecCaptureTest.ip;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VrrpFaultTest {
  final List<Integer> sent = new ArrayList<>();
  final List<VrrpState> states = new ArrayList<>();
  final VrrpActions recorder = new VrrpActions() {
    @Override
    public void sendAdvert(int priority) {
      sent.add(priority);
    }

    @Override
    public void transition(VrrpState from, VrrpState to, String reason) {
      states.add(to);
    }
  };

  @Test
  void masterInFaultResignsWithPriorityZeroAndNeverTakesOverUntilRecovered() {
    VrrpStateMachine m = new VrrpStateMachine(VrrpVersion.V3, 255, 100, true, 0, ip("10.99.0.11"), recorder);
    m.startup(0);
    sent.clear();
    m.fault(true, 1_000_000L);
    assertThat(sent).containsExactly(0);
    assertThat(m.state()).isEqualTo(VrrpState.FAULT);
    m.onTimer(100_000_000_000L);
    assertThat(m.state()).isEqualTo(VrrpState.FAULT);
    m.fault(false, 100_000_000_000L);
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    m.onTimer(m.nextDeadline());
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
    assertThat(states).containsExactly(VrrpState.MASTER, VrrpState.FAULT, VrrpState.BACKUP, VrrpState.MASTER);
  }
}
