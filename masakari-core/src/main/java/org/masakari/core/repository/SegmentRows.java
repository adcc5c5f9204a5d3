package org.masakari.core.repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import org.masakari.core.domain.Segment;

/** Segments read with plain JDBC (no session, no entity hydration): the columns and the row mapper. */
public final class SegmentRows {
  /** Every column, in the order {@link #read} expects. */
  public static final String COLUMNS = "id, created_at, updated_at, deleted_at, deleted, uuid, name, service_type,"
      + " description, recovery_method, enabled";

  private SegmentRows() {}

  /** The row at the cursor, read from column {@code first} on in {@link #COLUMNS} order. */
  public static Segment read(ResultSet r, int first) throws SQLException {
    int i = first;
    Segment s = new Segment();
    int id = r.getInt(i++);
    LocalDateTime created = r.getObject(i++, LocalDateTime.class);
    LocalDateTime updated = r.getObject(i++, LocalDateTime.class);
    LocalDateTime deletedAt = r.getObject(i++, LocalDateTime.class);
    int deleted = r.getInt(i++);
    s.restore(id, created, updated, deletedAt, r.wasNull() ? null : deleted);
    s.setUuid(r.getString(i++));
    s.setName(r.getString(i++));
    s.setServiceType(r.getString(i++));
    s.setDescription(r.getString(i++));
    String method = r.getString(i++);
    boolean enabled = r.getBoolean(i);
    s.restoreStored(method, r.wasNull() ? null : enabled);
    return s;
  }
}
