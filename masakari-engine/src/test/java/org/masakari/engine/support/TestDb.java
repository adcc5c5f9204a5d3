package org.masakari.engine.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.domain.Segment;

/** A fresh, uniquely named, migrated database: embedded H2 or the machine's MariaDB (127.0.0.1, root). */
public final class TestDb implements AutoCloseable {
  private final Database db;
  private final String mariaName;

  private TestDb(Database db, String mariaName) {
    this.db = db;
    this.mariaName = mariaName;
  }

  public static TestDb h2() {
    Database d = new Database(DatabaseUrl.h2Memory("eng_" + UUID.randomUUID().toString().replace("-", "")), 10);
    d.migrate();
    return new TestDb(d, null);
  }

  public static TestDb mariaDb() {
    String name = "engtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    Database d = new Database(DatabaseUrl.parse("jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&password="), 20);
    d.migrate();
    return new TestDb(d, name);
  }

  /** A second pool on the same database, as a second engine process would have. */
  public Database secondPool() {
    return new Database(db.url(), 20);
  }

  public Database db() {
    return db;
  }

  public String segment(String name, RecoveryMethod method, boolean enabled) {
    String uuid = UUID.randomUUID().toString();
    db.tx().run(s -> {
      Segment seg = new Segment();
      seg.setUuid(uuid);
      seg.setName(name);
      seg.setServiceType("COMPUTE");
      seg.setRecoveryMethod(method);
      seg.setEnabled(enabled);
      seg.markCreated();
      s.persist(seg);
    });
    return uuid;
  }

  public String host(String segmentUuid, String name, boolean reserved) {
    String uuid = UUID.randomUUID().toString();
    db.tx().run(s -> {
      Host h = new Host();
      h.setUuid(uuid);
      h.setName(name);
      h.setType("COMPUTE");
      h.setControlAttributes("SSH");
      h.setReserved(reserved);
      h.setOnMaintenance(false);
      h.setSegment(s.createQuery("from Segment g where g.uuid = :u", Segment.class)
          .setParameter("u", segmentUuid).getSingleResult());
      h.markCreated();
      s.persist(h);
    });
    return uuid;
  }

  public String notification(String hostUuid, NotificationType type, String payloadJson, NotificationStatus status) {
    String uuid = UUID.randomUUID().toString();
    db.tx().run(s -> {
      Notification n = new Notification();
      n.setNotificationUuid(uuid);
      n.setGeneratedTime(LocalDateTime.now(ZoneOffset.UTC));
      n.setSourceHostUuid(hostUuid);
      n.setType(type);
      n.setPayload(payloadJson);
      n.setStatus(status);
      n.markCreated();
      s.persist(n);
    });
    return uuid;
  }

  public NotificationStatus status(String notificationUuid) {
    return notificationRow(notificationUuid).getStatus();
  }

  public Notification notificationRow(String notificationUuid) {
    return db.tx().call(s -> s.createQuery("from Notification n where n.notificationUuid = :u", Notification.class)
        .setParameter("u", notificationUuid).getSingleResult());
  }

  public Host hostRow(String hostUuid) {
    return db.tx().call(s -> s.createQuery("from Host h where h.uuid = :u", Host.class)
        .setParameter("u", hostUuid).getSingleResult());
  }

  public List<org.masakari.core.domain.VMove> vmoves(String notificationUuid) {
    return db.tx().call(s -> s.createQuery("from VMove v where v.notificationUuid = :u order by v.id",
        org.masakari.core.domain.VMove.class).setParameter("u", notificationUuid).getResultList());
  }

  private static void exec(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB at 127.0.0.1:3306 (root) is required: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    db.close();
    if (mariaName != null) {
      exec("DROP DATABASE IF EXISTS " + mariaName);
    }
  }
}
