package org.masakari.core.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;

/** Notifications read with plain JDBC (no session, no entity hydration): the columns and the row mapper. */
public final class NotificationRows {
  /** Every column, in the order {@link #read} expects; prefix with a table alias where needed. */
  public static final String COLUMNS = "id, created_at, updated_at, deleted_at, deleted, notification_uuid,"
      + " generated_time, source_host_uuid, type, payload, status, failover_segment_uuid, message";

  private NotificationRows() {}

  /** {@link #COLUMNS}, each prefixed with {@code alias.} (for joins). */
  public static String columns(String alias) {
    return java.util.Arrays.stream(COLUMNS.split(",")).map(c -> alias + "." + c.trim())
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The row at the cursor, read from column {@code first} on in {@link #COLUMNS} order. */
  public static Notification read(ResultSet r, int first) throws SQLException {
    int i = first;
    Notification n = new Notification();
    int id = r.getInt(i++);
    LocalDateTime created = r.getObject(i++, LocalDateTime.class);
    LocalDateTime updated = r.getObject(i++, LocalDateTime.class);
    LocalDateTime deletedAt = r.getObject(i++, LocalDateTime.class);
    int deleted = r.getInt(i++);
    n.restore(id, created, updated, deletedAt, r.wasNull() ? null : deleted);
    n.setNotificationUuid(r.getString(i++));
    n.setGeneratedTime(r.getObject(i++, LocalDateTime.class));
    n.setSourceHostUuid(r.getString(i++));
    n.setTypeWire(r.getString(i++));
    n.setPayload(r.getString(i++));
    n.setStatus(NotificationStatus.fromWire(r.getString(i++)));
    n.setFailoverSegmentUuid(r.getString(i++));
    n.setMessage(r.getString(i));
    return n;
  }
}
