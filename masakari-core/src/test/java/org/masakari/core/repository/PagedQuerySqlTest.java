package org.masakari.core.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.domain.Segment;
import org.masakari.core.fault.Fault;

/** The plain-SQL page ({@link PagedQuery#listSql}) returns exactly the rows and order of the HQL one. */
class PagedQuerySqlTest {
  private static Database db;
  private static Tx tx;

  @BeforeAll
  static void seed() {
    db = new Database(DatabaseUrl.h2Memory("pagedsql"), 4);
    db.migrate();
    tx = db.tx();
    LocalDateTime base = LocalDateTime.of(2026, 1, 1, 0, 0);
    tx.run(s -> {
      for (int i = 0; i < 24; i++) {
        Segment g = new Segment();
        g.setUuid(String.format("00000000-0000-4000-8000-%012d", i));
        g.setName("seg-" + (i % 5) + "-" + i);
        g.setServiceType(i % 3 == 0 ? "COMPUTE" : "OTHER");
        g.setDescription(i % 4 == 0 ? null : "d" + (i % 3));
        g.setRecoveryMethod(RecoveryMethod.values()[i % 4]);
        g.setEnabled(i % 2 == 0);
        g.markCreated();
        s.persist(g);
        Notification n = new Notification();
        n.setNotificationUuid(String.format("10000000-0000-4000-8000-%012d", i));
        n.setGeneratedTime(base.plusSeconds(i % 7));
        n.setSourceHostUuid("host-" + (i % 3));
        n.setType(NotificationType.values()[i % 3]);
        n.setPayload("{\"i\": " + i + "}");
        n.setStatus(NotificationStatus.values()[i % NotificationStatus.values().length]);
        n.setFailoverSegmentUuid(i % 5 == 0 ? null : "seg");
        n.setMessage(i % 2 == 0 ? null : "m" + (i % 3));
        n.markCreated();
        s.persist(n);
      }
    });
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @Test
  void sameRowsAndOrderForEverySortKeyDirectionAndMarker() {
    List<String> keys = new ArrayList<>(Notification.COLUMNS.keySet());
    for (String key : keys) {
      for (String dir : List.of("asc", "desc")) {
        for (String marker : new String[] {null, "1", "7", "13", "24"}) {
          PageRequest page = new PageRequest(9, marker, SortSpec.parse(List.of(key), List.of(dir)));
          assertThat(ids(notifications(page, null, true))).as(key + " " + dir + " marker " + marker)
              .isEqualTo(ids(notifications(page, null, false)));
        }
      }
    }
    for (String key : Segment.COLUMNS.keySet()) {
      for (String marker : new String[] {null, "2", "11"}) {
        PageRequest page = new PageRequest(10, marker, SortSpec.parse(List.of(key, "name"), List.of("desc", "asc")));
        assertThat(ids(segments(page, true))).as(key + " marker " + marker).isEqualTo(ids(segments(page, false)));
      }
    }
  }

  @Test
  void sameFiltersAndFaults() {
    PageRequest page = new PageRequest(50, null, SortSpec.defaults());
    for (String status : new String[] {"new", "finished", "bogus"}) {
      assertThat(ids(notifications(page, status, true))).isEqualTo(ids(notifications(page, status, false)));
    }
    Notification sql = notifications(new PageRequest(1, "3", SortSpec.defaults()), null, true).get(0);
    Notification hql = notifications(new PageRequest(1, "3", SortSpec.defaults()), null, false).get(0);
    assertThat(List.of(sql.getNotificationUuid(), sql.getGeneratedTime(), sql.getSourceHostUuid(), sql.getTypeWire(),
        sql.getPayload(), sql.getStatus(), String.valueOf(sql.getFailoverSegmentUuid()), String.valueOf(sql.getMessage()),
        sql.getCreatedAt(), String.valueOf(sql.getUpdatedAt())))
        .isEqualTo(List.of(hql.getNotificationUuid(), hql.getGeneratedTime(), hql.getSourceHostUuid(),
            hql.getTypeWire(), hql.getPayload(), hql.getStatus(), String.valueOf(hql.getFailoverSegmentUuid()),
            String.valueOf(hql.getMessage()), hql.getCreatedAt(), String.valueOf(hql.getUpdatedAt())));
    for (Supplier<?> bad : List.<Supplier<?>>of(
        () -> notifications(new PageRequest(5, "999", SortSpec.defaults()), null, true),
        () -> notifications(new PageRequest(5, "abc", SortSpec.defaults()), null, true),
        () -> notifications(new PageRequest(5, null, SortSpec.parse(List.of("nope"), List.of())), null, true))) {
      assertThatThrownBy(bad::get).isInstanceOf(Fault.class);
    }
  }

  private static List<Notification> notifications(PageRequest page, String status, boolean sql) {
    Supplier<PagedQuery<Notification>> q = () -> {
      PagedQuery<Notification> p = new PagedQuery<>(Notification.class, Notification.COLUMNS);
      if (status != null) {
        p.eqEnum("status", status, List.of("new", "running", "error", "failed", "ignored", "finished"));
      }
      return p.eq("sourceHostUuid", "host-1").ge("generatedTime", LocalDateTime.of(2026, 1, 1, 0, 0, 1));
    };
    return sql ? tx.jdbcRead(c -> q.get().listSql(c, page, "notifications", NotificationRows.COLUMNS,
        NotificationRows::read)) : tx.read(s -> q.get().list(s, page));
  }

  private static List<Segment> segments(PageRequest page, boolean sql) {
    Supplier<PagedQuery<Segment>> q = () -> new PagedQuery<>(Segment.class, Segment.COLUMNS).eq("enabled", true);
    return sql ? tx.jdbcRead(c -> q.get().listSql(c, page, "failover_segments", SegmentRows.COLUMNS,
        SegmentRows::read)) : tx.read(s -> q.get().list(s, page));
  }

  private static List<Integer> ids(List<? extends org.masakari.core.domain.SoftDeletable> rows) {
    return rows.stream().map(org.masakari.core.domain.SoftDeletable::getId).toList();
  }
}
