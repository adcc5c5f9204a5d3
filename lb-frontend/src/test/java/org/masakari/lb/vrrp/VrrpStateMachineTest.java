package org.masakari.lb.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masakari.lb.vrrp.VrrpCodecCaptureTest.ip;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** RFC 5798 §6.4 on a simulated clock: time only moves when the test says so. */
class VrrpStateMachineTest {
  static final Inet4Address VIP = ip("10.99.0.10");
  static final Inet4Address LOCAL = ip("10.99.0.12");
  static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

  final List<Integer> sent = new ArrayList<>();
  final List<String> transitions = new ArrayList<>();
  final VrrpActions recorder = new VrrpActions() {
    @Override
    public void sendAdvert(int priority) {
      sent.add(priority);
    }

    @Override
    public void transition(VrrpState from, VrrpState to, String reason) {
      transitions.add(from + "->" + to);
    }
  };

  VrrpStateMachine machine(VrrpVersion v, int priority, int intervalCs, boolean preempt, long preemptDelay) {
    return new VrrpStateMachine(v, priority, intervalCs, preempt, preemptDelay, LOCAL, recorder);
  }

  static VrrpAdvert advert(int priority, int intervalCs) {
    return new VrrpAdvert(VrrpVersion.V3, 51, priority, intervalCs, 0, "", List.of(VIP));
  }

  @Test
  void backupBecomesMasterAfterMasterDownInterval() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 100, 100, true, 0);
    m.startup(0);
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    // 3 * 1 s + (256-100)/256 s = 3.609375 s
    assertThat(m.nextDeadline()).isEqualTo(3_609_375 * 1000L);
    m.onTimer(3_609 * MS);
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    m.onTimer(3_610 * MS);
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
    assertThat(sent).containsExactly(100);
    assertThat(transitions).containsExactly("INITIALIZE->BACKUP", "BACKUP->MASTER");
  }

  @Test
  void advertsFromHigherMasterKeepBackupDown() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 100, 100, true, 0);
    m.startup(0);
    for (int t = 1; t <= 10; t++) {
      m.onAdvert(advert(150, 100), ip("10.99.0.11"), t * 1000 * MS);
      m.onTimer(t * 1000 * MS + 500 * MS);
    }
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    assertThat(sent).isEmpty();
  }

  @Test
  void priorityZeroMakesBackupTakeOverAfterSkewTime() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 100, 100, true, 0);
    m.startup(0);
    m.onAdvert(advert(150, 100), ip("10.99.0.11"), 1000 * MS);
    m.onAdvert(advert(0, 100), ip("10.99.0.11"), 2000 * MS);
    // skew = 156/256 s = 609.375 ms (the lab measured 0.61-0.62 s with keepalived)
    assertThat(m.nextDeadline()).isEqualTo(2000 * MS + 609_375_000L);
    m.onTimer(2610 * MS);
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
  }

  @Test
  void v3BackupAdoptsMasterIntervalV2DoesNot() {
    VrrpStateMachine m3 = machine(VrrpVersion.V3, 100, 100, true, 0);
    m3.startup(0);
    m3.onAdvert(advert(150, 10), ip("10.99.0.11"), 0);
    assertThat(m3.masterAdverIntervalCs()).isEqualTo(10);
    assertThat(m3.nextDeadline()).isEqualTo(300 * MS + 156L * 10 * 10 * MS / 256);
    VrrpStateMachine m2 = machine(VrrpVersion.V2, 100, 100, true, 0);
    m2.startup(0);
    m2.onAdvert(advert(150, 200), ip("10.99.0.11"), 0);
    assertThat(m2.masterAdverIntervalCs()).isEqualTo(100);
  }

  @Test
  void masterYieldsToHigherPriorityAndToEqualPriorityWithHigherAddress() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 255, 100, true, 0);
    m.startup(0);
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
    m.changePriority(150, 10 * MS);
    m.onAdvert(advert(150, 100), ip("10.99.0.11"), 20 * MS);
    assertThat(m.state()).as("lower address, equal priority: we stay").isEqualTo(VrrpState.MASTER);
    m.onAdvert(advert(150, 100), ip("10.99.0.13"), 30 * MS);
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
    assertThat(transitions).containsExactly("INITIALIZE->MASTER", "MASTER->BACKUP");
  }

  @Test
  void masterAnswersLowerPriorityAdvertAtOnce() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 200, 100, true, 0);
    m.startup(0);
    m.onTimer(4000 * MS);
    sent.clear();
    m.onAdvert(advert(100, 100), ip("10.99.0.13"), 4100 * MS);
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
    assertThat(sent).containsExactly(200);
    assertThat(m.nextDeadline()).isEqualTo(5100 * MS);
  }

  @Test
  void masterSendsAdvertEveryInterval() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 255, 10, true, 0);
    m.startup(0);
    for (int t = 100; t <= 1000; t += 100) {
      m.onTimer(t * MS);
    }
    assertThat(sent).hasSize(11).containsOnly(255);
  }

  @Test
  void shutdownOfMasterSendsPriorityZeroOnce() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 255, 100, true, 0);
    m.startup(0);
    sent.clear();
    m.shutdown(50 * MS);
    assertThat(sent).containsExactly(0);
    assertThat(m.state()).isEqualTo(VrrpState.INITIALIZE);
    assertThat(m.nextDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void preemptingBackupIgnoresLowerPriorityMasterAndTakesOver() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 150, 100, true, 0);
    m.startup(0);
    for (int t = 1; t <= 5; t++) {
      m.onAdvert(advert(100, 100), ip("10.99.0.11"), t * 1000 * MS);
      m.onTimer(t * 1000 * MS);
    }
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
  }

  @Test
  void nopreemptBackupFollowsLowerPriorityMaster() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 150, 100, false, 0);
    m.startup(0);
    for (int t = 1; t <= 10; t++) {
      m.onAdvert(advert(100, 100), ip("10.99.0.11"), t * 1000 * MS);
      m.onTimer(t * 1000 * MS + 1);
    }
    assertThat(m.state()).isEqualTo(VrrpState.BACKUP);
  }

  @Test
  void preemptDelayHoldsOffPreemptionUntilItExpires() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 150, 100, true, 5_000 * MS);
    m.startup(0);
    int t = 0;
    while (m.state() == VrrpState.BACKUP && t < 20_000) {
      t += 1000;
      m.onAdvert(advert(100, 100), ip("10.99.0.11"), t * MS);
      m.onTimer(t * MS + 1);
      if (m.nextDeadline() <= (t + 1000) * MS) {
        m.onTimer(m.nextDeadline());
      }
    }
    // adverts reset the timer until 5 s; the last reset at 4 s expires at 4 s + 3.41 s
    assertThat(m.state()).isEqualTo(VrrpState.MASTER);
    assertThat(t).isBetween(5000, 8000);
  }

  @Test
  void masterLoweringPriorityAdvertisesAtOnce() {
    VrrpStateMachine m = machine(VrrpVersion.V3, 150, 100, true, 0);
    m.startup(0);
    m.onTimer(m.nextDeadline());
    sent.clear();
    m.changePriority(70, 5000 * MS);
    assertThat(sent).containsExactly(70);
  }
}
