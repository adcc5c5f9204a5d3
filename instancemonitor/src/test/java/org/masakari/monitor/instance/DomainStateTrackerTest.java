package org.masakari.monitor.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainStateTrackerTest {
  private final DomainStateTracker t = new DomainStateTracker();

  private static DomainState running(String u) {
    return new DomainState(u, DomainState.RUNNING, 1);
  }

  private static DomainState off(String u, int reason) {
    return new DomainState(u, DomainState.SHUTOFF, reason);
  }

  private static DomainEvent lifecycle(String u, int type, int detail) {
    return new DomainEvent(EventFilter.LIFECYCLE, type, detail, u, LocalDateTime.MIN);
  }

  private static List<String> names(List<DomainStateTracker.Missed> m) {
    return m.stream().map(x -> x.uuid() + ":" + x.event().virDomainEvent()).toList();
  }

  @Test
  void firstSightOnlyRecords() {
    assertThat(t.resync(List.of(off("a", 3), running("b")), true)).isEmpty();
  }

  @Test
  void activeThenShutOffWhileBlindIsReportedByReason() {
    t.resync(List.of(running("a"), running("b"), running("c"), running("d"), running("e")), true);
    List<DomainStateTracker.Missed> m = t.resync(List.of(off("a", DomainStateTracker.SHUTOFF_CRASHED),
        off("b", DomainStateTracker.SHUTOFF_UNKNOWN), off("c", DomainStateTracker.SHUTOFF_DESTROYED),
        off("d", 5 /* saved */), running("e")), false);
    assertThat(names(m)).containsExactlyInAnyOrder("a:STOPPED_FAILED", "b:STOPPED_FAILED", "c:STOPPED_DESTROYED");
  }

  @Test
  void vanishedTransientDomainIsAFailure() {
    t.resync(List.of(running("a")), true);
    assertThat(names(t.resync(List.of(), false))).containsExactly("a:STOPPED_FAILED");
  }

  @Test
  void domainAlreadyKnownStoppedIsNotReportedAgain() {
    t.resync(List.of(running("a")), true);
    assertThat(t.onEvent(lifecycle("a", EventFilter.STOPPED, 5))).isTrue();
    assertThat(t.resync(List.of(off("a", 3)), false)).isEmpty();
  }

  @Test
  void lateStopEventAfterResyncIsSuppressedOnce() {
    t.resync(List.of(running("a")), true);
    t.resync(List.of(off("a", 3)), false);
    assertThat(t.onEvent(lifecycle("a", EventFilter.STOPPED, 5))).isFalse();
    assertThat(t.onEvent(lifecycle("a", EventFilter.STARTED, 0))).isTrue();
    assertThat(t.onEvent(lifecycle("a", EventFilter.STOPPED, 5))).isTrue();
  }

  @Test
  void startedEventMakesADomainCountAsActive() {
    t.resync(List.of(off("a", 0)), true);
    t.onEvent(lifecycle("a", EventFilter.STARTED, 0));
    assertThat(names(t.resync(List.of(off("a", 3)), false))).containsExactly("a:STOPPED_FAILED");
  }
}
