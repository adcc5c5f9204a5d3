package org.masakari.core.config;

import java.util.Optional;
import org.masakari.client.config.Section;
import org.masakari.core.db.DatabaseUrl;

/**
 * {@code [database]}: connection (mysql+pymysql://, mariadb:// or jdbc:), max_pool_size (default 10).
 * Without a connection, all-in-one mode uses embedded H2 under its data directory.
 */
public record DatabaseOptions(Optional<DatabaseUrl> connection, int maxPoolSize) {
  static DatabaseOptions from(Section s) {
    Optional<DatabaseUrl> url = s.optString("connection").map(c -> {
      try {
        return DatabaseUrl.parse(c);
      } catch (IllegalArgumentException e) {
        throw s.invalid("connection", e.getMessage());
      }
    });
    int pool = s.integer("max_pool_size", 10, 1, 1000);
    s.accept("max_overflow", "pool_timeout", "connection_recycle_time", "idle_timeout", "max_retries",
        "retry_interval", "db_max_retries", "db_retry_interval", "mysql_sql_mode", "slave_connection",
        "connection_debug", "connection_trace", "sqlite_synchronous", "backend", "use_db_reconnect",
        "mysql_enable_ndb", "connection_parameters", "pool_pre_ping", "db_inc_retry_interval",
        "db_max_retry_interval", "min_pool_size", "asyncio_connection", "asyncio_slave_connection");
    return new DatabaseOptions(url, pool);
  }
}
