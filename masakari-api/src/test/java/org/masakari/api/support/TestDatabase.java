package org.masakari.api.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** A fresh, uniquely named database per test class: embedded H2 or the machine's real MariaDB. */
public final class TestDatabase implements AutoCloseable {
  public enum Kind { H2, MARIADB }

  private final Kind kind;
  private final String name;

  private TestDatabase(Kind kind, String name) {
    this.kind = kind;
    this.name = name;
  }

  public static TestDatabase create(Kind kind) {
    String name = "mtest_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (kind == Kind.MARIADB) {
      exec("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
    }
    return new TestDatabase(kind, name);
  }

  /** The [database] connection value. */
  public String connection() {
    return kind == Kind.H2
        ? "jdbc:h2:mem:" + name + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=LOW;DB_CLOSE_DELAY=-1"
        : "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root&password=";
  }

  public Kind kind() {
    return kind;
  }

  private static void exec(String sql) {
    try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/?user=root&password=");
         Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("MariaDB at 127.0.0.1:3306 (root) is required for this test: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (kind == Kind.MARIADB) {
      exec("DROP DATABASE IF EXISTS " + name);
    }
  }
}
