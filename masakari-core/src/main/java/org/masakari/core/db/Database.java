package org.masakari.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.cfg.Configuration;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.OutboxEntry;
import org.masakari.core.domain.Segment;
import org.masakari.core.domain.VMove;
import org.masakari.core.progress.TaskProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection pool shared by Flyway, Hibernate (and the engine's Quartz). Migrations live in
 * {@code db/migration} and are the same scripts for MariaDB and H2.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final List<Class<?>> ENTITIES =
      List.of(Segment.class, Host.class, Notification.class, VMove.class, OutboxEntry.class,
          TaskProgress.class);

  private final DatabaseUrl url;
  private final HikariDataSource dataSource;
  private volatile SessionFactory sessionFactory;
  private final List<Class<?>> extraEntities;

  public Database(DatabaseUrl url, int maxPoolSize) {
    this(url, maxPoolSize, List.of());
  }

  /** @param extraEntities entities of other modules (the engine's) mapped in the same factory */
  public Database(DatabaseUrl url, int maxPoolSize, List<Class<?>> extraEntities) {
    this.url = url;
    this.extraEntities = List.copyOf(extraEntities);
    HikariConfig hc = new HikariConfig();
    hc.setJdbcUrl(url.jdbcUrl());
    if (url.user() != null) {
      hc.setUsername(url.user());
      hc.setPassword(url.password());
    }
    hc.setMaximumPoolSize(maxPoolSize);
    hc.setPoolName("masakari-db");
    hc.setConnectionTimeout(10_000);
    // READ COMMITTED: a statement that waited for a row lock (the per-host notification guard) must then
    // see what the lock holder committed; REPEATABLE READ would keep the transaction's older snapshot
    hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    if (url.isMariaDb()) {
      // UTC session: we store naive UTC datetimes as upstream does
      hc.setConnectionInitSql("SET time_zone = '+00:00'");
      // server-side prepared statements, cached per connection: no client-side SQL parsing per execution
      hc.addDataSourceProperty("useServerPrepStmts", "true");
      hc.addDataSourceProperty("cachePrepStmts", "true");
      hc.addDataSourceProperty("prepStmtCacheSize", "256");
    }
    this.dataSource = new HikariDataSource(hc);
  }

  public DatabaseUrl url() {
    return url;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  private Flyway flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("masakari_schema_history")
        .load();
  }

  /** {@code masakari-manage db sync}. */
  public void migrate() {
    var result = flyway().migrate();
    LOG.info("database schema at version {} ({} migrations applied) on {}",
        result.targetSchemaVersion == null ? current() : result.targetSchemaVersion,
        result.migrationsExecuted, url);
  }

  /** {@code masakari-manage db version}: the applied schema version, or "none". */
  public String current() {
    MigrationInfo info = flyway().info().current();
    return info == null ? "none" : info.getVersion().getVersion();
  }

  /** Fails start-up when the schema is behind the code (run `db sync`). */
  public void requireCurrentSchema() {
    var pending = flyway().info().pending();
    if (pending.length > 0) {
      throw new IllegalStateException("database schema at version " + current() + " has "
          + pending.length + " pending migrations: run `masakari db sync --config FILE` first");
    }
  }

  public SessionFactory sessionFactory() {
    SessionFactory sf = sessionFactory;
    if (sf == null) {
      synchronized (this) {
        if (sessionFactory == null) {
          sessionFactory = buildSessionFactory();
        }
        sf = sessionFactory;
      }
    }
    return sf;
  }

  private SessionFactory buildSessionFactory() {
    Configuration cfg = new Configuration();
    ENTITIES.forEach(cfg::addAnnotatedClass);
    extraEntities.forEach(cfg::addAnnotatedClass);
    cfg.getProperties().put(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource);
    cfg.setProperty(AvailableSettings.HBM2DDL_AUTO, "none");
    cfg.setProperty(AvailableSettings.JDBC_TIME_ZONE, "UTC");
    cfg.setProperty(AvailableSettings.SHOW_SQL, "false");
    cfg.setProperty(AvailableSettings.STATEMENT_BATCH_SIZE, "50");
    // read LocalDateTime with getObject instead of through java.sql.Timestamp and Calendar (hot in lists)
    cfg.setProperty("hibernate.type.java_time_use_direct_jdbc", "true");
    cfg.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
    if (url.isMariaDb()) {
      // without JDBC metadata access Hibernate cannot detect the dialect; H2's is the default guess
      cfg.setProperty(AvailableSettings.DIALECT, "org.hibernate.dialect.MariaDBDialect");
    } else if (url.isH2()) {
      cfg.setProperty(AvailableSettings.DIALECT, "org.hibernate.dialect.H2Dialect");
    }
    return cfg.buildSessionFactory();
  }

  public Tx tx() {
    return new Tx(sessionFactory(), dataSource);
  }

  @Override
  public void close() {
    if (sessionFactory != null) {
      sessionFactory.close();
    }
    dataSource.close();
  }
}
