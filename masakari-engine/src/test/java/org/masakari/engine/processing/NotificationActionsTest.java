package org.masakari.engine.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.core.actions.NotificationAction;
import org.masakari.core.actions.NotificationActions;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.fault.Fault;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.engine.support.EngineHarness;
import org.masakari.engine.support.TestDb;

/** Microversion 1.4 retry/cancel: allowed transitions, 409 otherwise, a retry goes back on the queue. */
class NotificationActionsTest {
  private static TestDb db;
  private static String host;
  private static InProcessWorkQueue queue;
  private static NotificationActions actions;

  @BeforeAll
  static void start() {
    db = TestDb.h2();
    host = db.host(db.segment("act", RecoveryMethod.AUTO, true), EngineHarness.unique("a"), false);
    queue = new InProcessWorkQueue();
    actions = new NotificationActions(db.db().tx(), new OutboxRelay(db.db().tx(), queue, Duration.ofHours(1),
        Duration.ofHours(1)));
  }

  @AfterAll
  static void stop() {
    queue.close();
    db.close();
  }

  private static String with(NotificationStatus s) {
    return db.notification(host, NotificationType.COMPUTE_HOST, "{}", s);
  }

  @Test
  void retryPutsErrorAndFailedBackToNewAndOnTheQueue() {
    for (NotificationStatus s : new NotificationStatus[] {NotificationStatus.ERROR, NotificationStatus.FAILED}) {
      int before = queue.depth();
      String n = with(s);
      assertThat(actions.apply(n, NotificationAction.RETRY).getStatus()).isEqualTo(NotificationStatus.NEW);
      assertThat(db.status(n)).isEqualTo(NotificationStatus.NEW);
      assertThat(queue.depth()).isEqualTo(before + 1);
    }
  }

  @Test
  void cancelIgnoresNewAndError() {
    for (NotificationStatus s : new NotificationStatus[] {NotificationStatus.NEW, NotificationStatus.ERROR}) {
      String n = with(s);
      assertThat(actions.apply(n, NotificationAction.CANCEL).getStatus()).isEqualTo(NotificationStatus.IGNORED);
    }
  }

  @Test
  void runningAndFinishedNotificationsRefuseWith409AndUnknownOnesWith404() {
    String running = with(NotificationStatus.RUNNING);
    assertThatThrownBy(() -> actions.apply(running, NotificationAction.CANCEL)).isInstanceOf(Fault.class)
        .satisfies(e -> assertThat(((Fault) e).status()).isEqualTo(409));
    String finished = with(NotificationStatus.FINISHED);
    assertThatThrownBy(() -> actions.apply(finished, NotificationAction.RETRY)).isInstanceOf(Fault.class)
        .hasMessageContaining("only allowed in status error or failed");
    assertThat(db.status(running)).isEqualTo(NotificationStatus.RUNNING);
    assertThatThrownBy(() -> actions.apply("00000000-0000-0000-0000-00000000dead", NotificationAction.RETRY))
        .isInstanceOf(Fault.class).satisfies(e -> assertThat(((Fault) e).status()).isEqualTo(404));
    assertThat(NotificationAction.fromWire("retry")).isEqualTo(NotificationAction.RETRY);
    assertThat(NotificationAction.fromWire("reboot")).isNull();
  }
}
