package org.masakari.core.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A JDBC URL plus credentials, translated from what operators write in {@code [database] connection}:
 * SQLAlchemy URLs ({@code mysql+pymysql://user:pass@host[:port]/db?charset=utf8}) become
 * {@code jdbc:mariadb://} (Connector/J 3 refuses {@code jdbc:mysql:}); {@code jdbc:} URLs pass through.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

  public boolean isH2() {
    return jdbcUrl.startsWith("jdbc:h2:");
  }

  public boolean isMariaDb() {
    return jdbcUrl.startsWith("jdbc:mariadb:");
  }

  /** Embedded H2 in MariaDB mode; NULLs sort low as on MariaDB so paging is identical. */
  public static DatabaseUrl h2File(java.nio.file.Path dir) {
    return new DatabaseUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("masakari")
        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;AUTO_SERVER=FALSE", "sa", "");
  }

  public static DatabaseUrl h2Memory(String name) {
    return new DatabaseUrl("jdbc:h2:mem:" + name
        + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;DB_CLOSE_DELAY=-1", "sa", "");
  }

  /**
   * @throws IllegalArgumentException with a message fit for "file:line [database] connection: ..."
   */
  public static DatabaseUrl parse(String connection) {
    String c = connection.strip();
    if (c.startsWith("jdbc:")) {
      if (c.startsWith("jdbc:h2:") && !c.toUpperCase(java.util.Locale.ROOT).contains("MODE=")) {
        c = c + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW";
      }
      return new DatabaseUrl(c, null, null);
    }
    int scheme = c.indexOf("://");
    if (scheme < 0) {
      throw new IllegalArgumentException("not a database URL: '" + connection + "'");
    }
    String dialect = c.substring(0, scheme);
    String base = dialect.contains("+") ? dialect.substring(0, dialect.indexOf('+')) : dialect;
    if (!base.equals("mysql") && !base.equals("mariadb")) {
      throw new IllegalArgumentException("unsupported database '" + dialect
          + "' (use mysql+pymysql://, mariadb:// or a jdbc: URL)");
    }
    URI uri;
    try {
      uri = URI.create("mysql" + c.substring(scheme));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("malformed database URL: " + e.getMessage());
    }
    String user = null;
    String password = null;
    if (uri.getRawUserInfo() != null) {
      String[] up = uri.getRawUserInfo().split(":", 2);
      user = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
      password = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
    }
    String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 3306 : uri.getPort();
    String db = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (db.isEmpty()) {
      throw new IllegalArgumentException("database name missing in '" + connection + "'");
    }
    String jdbc = "jdbc:mariadb://" + host + ":" + port + "/" + db;
    return new DatabaseUrl(jdbc, user, password);
  }

  @Override
  public String toString() {
    return jdbcUrl + (user == null ? "" : " (user " + user + ")");
  }
}
