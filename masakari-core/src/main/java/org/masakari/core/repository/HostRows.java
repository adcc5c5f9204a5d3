package org.masakari.core.repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Segment;

/** A live host with its segment, read with plain JDBC in one statement (what the ORM loads eagerly). */
public final class HostRows {
  private static final String BY_UUID = "SELECT h.id, h.created_at, h.updated_at, h.deleted_at, h.deleted, h.uuid,"
      + " h.name, h.reserved, h.type, h.control_attributes, h.failover_segment_id, h.on_maintenance, "
      + prefixed("s.", SegmentRows.COLUMNS)
      + " FROM hosts h LEFT JOIN failover_segments s ON s.uuid = h.failover_segment_id"
      + " WHERE h.uuid = ? AND h.deleted = 0";

  private HostRows() {}

  public static Optional<Host> byUuid(Connection c, String uuid) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(BY_UUID)) {
      p.setString(1, uuid);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(read(r)) : Optional.empty();
      }
    }
  }

  private static Host read(ResultSet r) throws SQLException {
    Host h = new Host();
    int id = r.getInt(1);
    LocalDateTime created = r.getObject(2, LocalDateTime.class);
    LocalDateTime updated = r.getObject(3, LocalDateTime.class);
    LocalDateTime deletedAt = r.getObject(4, LocalDateTime.class);
    int deleted = r.getInt(5);
    h.restore(id, created, updated, deletedAt, r.wasNull() ? null : deleted);
    h.setUuid(r.getString(6));
    h.setName(r.getString(7));
    boolean reserved = r.getBoolean(8);
    Boolean reservedOrNull = r.wasNull() ? null : reserved;
    h.setType(r.getString(9));
    h.setControlAttributes(r.getString(10));
    String segmentId = r.getString(11);
    boolean maintenance = r.getBoolean(12);
    Boolean maintenanceOrNull = r.wasNull() ? null : maintenance;
    r.getInt(13);
    Segment s = r.wasNull() ? null : SegmentRows.read(r, 13);
    h.restoreStored(segmentId, s, reservedOrNull, maintenanceOrNull);
    return h;
  }

  private static String prefixed(String prefix, String columns) {
    return prefix + columns.replace(", ", ", " + prefix);
  }
}
