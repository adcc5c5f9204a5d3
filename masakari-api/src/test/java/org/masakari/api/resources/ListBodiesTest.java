package org.masakari.api.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.domain.Segment;

/** The streamed list bodies are byte-for-byte what the node-tree views render. */
class ListBodiesTest {

  @Test
  void segmentsAsTheViews() throws Exception {
    Segment a = new Segment();
    a.assignId(7);
    a.setUuid("4a3b0c1e-0000-4000-8000-000000000001");
    a.setName("seg \"quoted\" é ☃");
    a.setServiceType("COMPUTE");
    a.setDescription(null);
    a.setRecoveryMethod(RecoveryMethod.RH_PRIORITY);
    a.setEnabled(false);
    a.markCreated();
    Segment b = new Segment();
    b.assignId(8);
    b.setUuid("4a3b0c1e-0000-4000-8000-000000000002");
    b.setName("b");
    b.setServiceType("COMPUTE");
    b.setDescription("line\nbreak\t<tag>");
    b.setRecoveryMethod(RecoveryMethod.AUTO);
    b.setEnabled(true);
    b.markCreated();
    b.markUpdated();
    List<Segment> rows = List.of(a, b);
    assertThat(ListBodies.segments(rows).toString(StandardCharsets.UTF_8))
        .isEqualTo(Views.JSON.writeValueAsString(Views.list("segments", rows, Views::segment)));
    assertThat(ListBodies.segments(List.of()).toString(StandardCharsets.UTF_8)).isEqualTo("{\"segments\":[]}");
  }

  @Test
  void notificationsAsTheViews() throws Exception {
    List<Notification> rows = List.of(
        notification(1, "{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\"}", NotificationStatus.NEW, null),
        notification(2, null, NotificationStatus.FINISHED, "done"),
        notification(3, "  ", NotificationStatus.ERROR, "bad \"thing\""),
        notification(4, "[1, 2]", NotificationStatus.IGNORED, null),
        notification(5, "not json", NotificationStatus.FAILED, null));
    assertThat(ListBodies.notifications(rows).toString(StandardCharsets.UTF_8))
        .isEqualTo(Views.JSON.writeValueAsString(Views.list("notifications", rows, Views::notification)));
  }

  @Test
  void valuesThatNeedEscapingAreEscapedEvenWhereUuidsAndTimesAreExpected() throws Exception {
    Notification odd = notification(6, "{}", NotificationStatus.NEW, null);
    odd.setNotificationUuid("quote\"back\\slash");
    odd.setSourceHostUuid("h\u00e9\u2603\ttab\u007f");
    odd.setFailoverSegmentUuid("ctl\u0001");
    odd.setGeneratedTime(LocalDateTime.of(10000, 1, 2, 3, 4, 5));
    List<Notification> rows = List.of(odd);
    assertThat(ListBodies.notifications(rows).toString(StandardCharsets.UTF_8))
        .isEqualTo(Views.JSON.writeValueAsString(Views.list("notifications", rows, Views::notification)));
  }

  private static Notification notification(int id, String payload, NotificationStatus status, String message) {
    Notification n = new Notification();
    n.assignId(id);
    n.setNotificationUuid("00000000-0000-4000-8000-00000000000" + id);
    n.setGeneratedTime(LocalDateTime.of(2026, 11, 22, 3, 4, 5, id * 1000));
    n.setSourceHostUuid("11111111-0000-4000-8000-000000000000");
    n.setType(NotificationType.values()[id % NotificationType.values().length]);
    n.setPayload(payload);
    n.setStatus(status);
    n.setFailoverSegmentUuid(id % 2 == 0 ? null : "22222222-0000-4000-8000-000000000000");
    n.setMessage(message);
    n.markCreated();
    if (id % 2 == 0) {
      n.markUpdated();
    }
    return n;
  }
}
