package org.masakari.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.queue.WorkItem;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.TestDb;

class ClaimStoreTest {
  private static TestDb db;
  private static String segment;

  @BeforeAll
  static void start() {
    db = TestDb.h2();
    segment = db.segment("claims", RecoveryMethod.AUTO, true);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  private static WorkItem item(String host, NotificationStatus status) {
    return new WorkItem(db.notification(host, NotificationType.COMPUTE_HOST, "{}", status), host, "COMPUTE_HOST");
  }

  private static ClaimStore engine(String id, Duration stale) {
    return new ClaimStore(db.db().tx(), id, stale);
  }

  @Test
  void oneWinnerThenDuplicatesAndOtherNotificationsOfTheHostWait() {
    String host = db.host(segment, EngineHarness.unique("c"), false);
    WorkItem first = item(host, NotificationStatus.NEW);
    WorkItem second = item(host, NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofMinutes(1));
    ClaimStore b = engine("B", Duration.ofMinutes(1));
    assertThat(a.claim(first)).isEqualTo(ClaimResult.CLAIMED_NEW);
    assertThat(db.status(first.notificationUuid())).isEqualTo(NotificationStatus.RUNNING);
    assertThat(b.claim(first)).isEqualTo(ClaimResult.NOTHING_TO_DO);
    assertThat(b.claim(second)).isEqualTo(ClaimResult.HOST_BUSY);
    assertThat(a.finish(first, NotificationStatus.FINISHED, null)).isTrue();
    assertThat(db.status(first.notificationUuid())).isEqualTo(NotificationStatus.FINISHED);
    assertThat(b.claim(first)).isEqualTo(ClaimResult.NOTHING_TO_DO);
    assertThat(b.claim(second)).isEqualTo(ClaimResult.CLAIMED_NEW);
  }

  @Test
  void anOutcomeSettledByTheContentIsStoredByTheClaimWithoutHoldingTheHost() {
    String host = db.host(segment, EngineHarness.unique("c"), false);
    WorkItem settled = item(host, NotificationStatus.NEW);
    WorkItem next = item(host, NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofMinutes(1));
    ClaimStore.Claim c = a.claimAndLoad(settled, (n, h, first) -> {
      assertThat(h).isPresent();
      assertThat(first).isTrue();
      return java.util.Optional.of(Outcome.ignored("nothing to do"));
    });
    assertThat(c.result()).isEqualTo(ClaimResult.DECIDED);
    assertThat(c.notification().getStatus()).isEqualTo(NotificationStatus.NEW);
    assertThat(db.status(settled.notificationUuid())).isEqualTo(NotificationStatus.IGNORED);
    // the host was never held: the next notification of the host is claimed at once, by anyone
    assertThat(engine("B", Duration.ofMinutes(1)).claim(next)).isEqualTo(ClaimResult.CLAIMED_NEW);
    // and a redelivered message of the settled one finds nothing to do
    assertThat(a.claimAndLoad(settled, (n, h, first) -> java.util.Optional.of(Outcome.finished())).result())
        .isEqualTo(ClaimResult.NOTHING_TO_DO);
    assertThat(db.status(settled.notificationUuid())).isEqualTo(NotificationStatus.IGNORED);
  }

  @Test
  void aSettledOutcomeWaitsWhileAnotherNotificationHoldsTheHost() {
    String host = db.host(segment, EngineHarness.unique("c"), false);
    WorkItem running = item(host, NotificationStatus.NEW);
    WorkItem settled = item(host, NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofMinutes(1));
    assertThat(a.claim(running)).isEqualTo(ClaimResult.CLAIMED_NEW);
    assertThat(a.claimAndLoad(settled, (n, h, first) -> java.util.Optional.of(Outcome.finished())).result())
        .isEqualTo(ClaimResult.HOST_BUSY);
    assertThat(db.status(settled.notificationUuid())).isEqualTo(NotificationStatus.NEW);
  }

  @Test
  void differentHostsRunSideBySide() {
    WorkItem x = item(db.host(segment, EngineHarness.unique("c"), false), NotificationStatus.NEW);
    WorkItem y = item(db.host(segment, EngineHarness.unique("c"), false), NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofMinutes(1));
    assertThat(a.claim(x)).isEqualTo(ClaimResult.CLAIMED_NEW);
    assertThat(engine("B", Duration.ofMinutes(1)).claim(y)).isEqualTo(ClaimResult.CLAIMED_NEW);
  }

  @Test
  void anErrorIsClaimedAsTheRetry() {
    WorkItem x = item(db.host(segment, EngineHarness.unique("c"), false), NotificationStatus.ERROR);
    assertThat(engine("A", Duration.ofMinutes(1)).claim(x)).isEqualTo(ClaimResult.CLAIMED_RETRY);
  }

  @Test
  void aDeadEnginesClaimIsTakenOverAndItsLateOutcomeDropped() {
    WorkItem x = item(db.host(segment, EngineHarness.unique("c"), false), NotificationStatus.NEW);
    ClaimStore dead = engine("dead", Duration.ofMillis(50));
    ClaimStore alive = engine("alive", Duration.ofMillis(50));
    assertThat(dead.claim(x)).isEqualTo(ClaimResult.CLAIMED_NEW);
    await().atMost(Duration.ofSeconds(10)).until(() -> alive.staleClaims(10).contains(x));
    assertThat(alive.claim(x)).isEqualTo(ClaimResult.TAKEN_OVER);
    assertThat(dead.finish(x, NotificationStatus.ERROR, "late")).isFalse();
    assertThat(alive.finish(x, NotificationStatus.FINISHED, null)).isTrue();
    assertThat(db.status(x.notificationUuid())).isEqualTo(NotificationStatus.FINISHED);
  }

  @Test
  void heartbeatsKeepAClaimAlive() {
    WorkItem x = item(db.host(segment, EngineHarness.unique("c"), false), NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofSeconds(30));
    assertThat(a.claim(x)).isEqualTo(ClaimResult.CLAIMED_NEW);
    a.heartbeat(List.of(x.notificationUuid()));
    assertThat(a.staleClaims(100)).doesNotContain(x);
  }

  @Test
  void unfinishedAreErrorsAndOldNewOnesAndExpiryFailsOldOpenOnes() {
    String host = db.host(segment, EngineHarness.unique("c"), false);
    WorkItem err = item(host, NotificationStatus.ERROR);
    WorkItem fresh = item(host, NotificationStatus.NEW);
    ClaimStore a = engine("A", Duration.ofMinutes(1));
    assertThat(a.unfinished(Duration.ofHours(1), 1000)).contains(err).doesNotContain(fresh);
    assertThat(a.unfinished(Duration.ZERO, 1000)).contains(err, fresh);
    assertThat(a.expire(Duration.ofHours(1))).isEmpty();
    assertThat(a.expire(Duration.ZERO)).hasSizeGreaterThanOrEqualTo(2)
        .allSatisfy(x -> assertThat(x.previousStatus()).isIn("new", "running", "error"));
    assertThat(db.status(err.notificationUuid())).isEqualTo(NotificationStatus.FAILED);
    assertThat(db.status(fresh.notificationUuid())).isEqualTo(NotificationStatus.FAILED);
  }
}
