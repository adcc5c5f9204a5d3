package org.masakari.monitor.host.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FailureDecisionTest {

  private static PeerTable.Snapshot snap(Set<String> alive, Set<String> lost, Map<String, Set<String>> views) {
    return new PeerTable.Snapshot(alive, lost, views);
  }

  @Test
  void majorityOfTheSegmentMustAgree() {
    var s = snap(Set.of("b"), Set.of("c"), Map.of("b", Set.of("c")));
    assertThat(FailureDecision.failed("c", "a", 3, s)).hasValueSatisfying(v -> assertThat(v).containsExactly("a", "b"));
    assertThat(FailureDecision.isReporter("a", FailureDecision.failed("c", "a", 3, s).orElseThrow())).isTrue();
  }

  @Test
  void peerThatStillHearsTheTargetDoesNotVote() {
    var s = snap(Set.of("b"), Set.of("c"), Map.of("b", Set.of()));
    assertThat(FailureDecision.failed("c", "a", 3, s)).isEmpty();
  }

  @Test
  void minorityPartitionNeverDeclaresAFailure() {
    var s = snap(Set.of(), Set.of("a", "b"), Map.of());
    assertThat(FailureDecision.failed("a", "c", 3, s)).isEmpty();
    assertThat(FailureDecision.failed("b", "c", 3, s)).isEmpty();
  }

  @Test
  void halfIsNotAMajority() {
    var s = snap(Set.of("b"), Set.of("c", "d"), Map.of("b", Set.of("c", "d")));
    assertThat(FailureDecision.failed("c", "a", 4, s)).isEmpty();
    var five = snap(Set.of("b", "e"), Set.of("c", "d"), Map.of("b", Set.of("c", "d"), "e", Set.of("c")));
    assertThat(FailureDecision.failed("c", "a", 5, five)).isPresent();
    assertThat(FailureDecision.failed("d", "a", 5, five)).isEmpty(); // a and b only: 2 of 5
  }

  @Test
  void lowestAgreeingNameReports() {
    var s = snap(Set.of("a"), Set.of("c"), Map.of("a", Set.of("c")));
    var agreeing = FailureDecision.failed("c", "b", 3, s).orElseThrow();
    assertThat(FailureDecision.isReporter("b", agreeing)).isFalse();
  }

  @Test
  void aHostThatIsNotLostIsNotFailed() {
    var s = snap(Set.of("b", "c"), Set.of(), Map.of("b", Set.of("c")));
    assertThat(FailureDecision.failed("c", "a", 3, s)).isEmpty();
  }
}
