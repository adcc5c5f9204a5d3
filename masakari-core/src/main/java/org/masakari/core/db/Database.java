package org.masakari.core.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * One connection pool shared by Flyway, Hibernate (and the engine's Quartz), plus a second pool, made at
 * first use, for the plain-JDBC write transactions of {@link Tx#jdbc}. Migrations live in
 * {@code db/migration} and are the same scripts for MariaDB and H2.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Database.class);
  private static final List<Class<?>> ENTITIES =
      List.of(Segment.class, Host.class, Notification.class, VMove.class, OutboxEntry.class,
          TaskProgress.class);

  private final DatabaseUrl url;
  private final HikariDataSource dataSource;
  private final HikariConfig transactionalConfig;
  private volatile HikariDataSource transactionalDataSource;
  private static final long READY_TIMEOUT_SECONDS = 120;
  private volatile CompletableFuture<SessionFactory> factory;
  private volatile CompletableFuture<?> ready;
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
    // The hot write paths (notification create, engine claims) run on connections that stay in
    // autocommit-off mode: on the shared pool every such transaction cost two extra round trips
    // ("set autocommit=0" before, and the pool's reset to autocommit after), 4 of the 14 statements a
    // notification cost MariaDB end to end. Reads stay on the autocommit pool, where a connection left in
    // a transaction would need a rollback on its return.
    this.transactionalConfig = new HikariConfig();
    hc.copyStateTo(transactionalConfig);
    transactionalConfig.setPoolName("masakari-db-tx");
    transactionalConfig.setAutoCommit(false);
    transactionalConfig.setMinimumIdle(Math.min(2, maxPoolSize));
    this.dataSource = new HikariDataSource(hc);
  }

  public DatabaseUrl url() {
    return url;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Connections in autocommit-off mode, for {@link Tx#jdbc}: the caller commits or rolls back. */
  DataSource transactionalDataSource() {
    HikariDataSource ds = transactionalDataSource;
    if (ds == null) {
      synchronized (this) {
        if (transactionalDataSource == null) {
          transactionalDataSource = new HikariDataSource(transactionalConfig);
        }
        ds = transactionalDataSource;
      }
    }
    return ds;
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

  /**
   * The Hibernate session factory, built on first use — or already building since
   * {@link #buildSessionFactoryInBackground}. Waits for {@link #deferReadiness readiness} first.
   */
  public SessionFactory sessionFactory() {
    awaitReady();
    return factory().join();
  }

  private CompletableFuture<SessionFactory> factory() {
    CompletableFuture<SessionFactory> f = factory;
    if (f == null) {
      synchronized (this) {
        if (factory == null) {
          CompletableFuture<SessionFactory> built = new CompletableFuture<>();
          try {
            built.complete(buildSessionFactory());
          } catch (RuntimeException e) {
            built.completeExceptionally(e);
          }
          factory = built;
        }
        f = factory;
      }
    }
    return f;
  }

  /**
   * Starts building the session factory on its own thread (it needs no database access: no metadata
   * lookups, no schema validation), so it overlaps the migration and the rest of start-up.
   */
  public synchronized CompletableFuture<SessionFactory> buildSessionFactoryInBackground() {
    if (factory == null) {
      CompletableFuture<SessionFactory> f = new CompletableFuture<>();
      factory = f;
      Thread t = new Thread(() -> {
        try {
          f.complete(buildSessionFactory());
        } catch (RuntimeException | Error e) {
          f.completeExceptionally(e);
        }
      }, "hibernate-bootstrap");
      t.setDaemon(true);
      t.start();
    }
    return factory;
  }

  /**
   * Database work waits for {@code ready} (the migration of an all-in-one start that lets the API listen
   * before the schema exists). Without it, the database is ready at once.
   */
  public void deferReadiness(CompletableFuture<?> ready) {
    this.ready = ready;
  }

  /** Blocks until {@link #deferReadiness} completes; fails when it failed. */
  public void awaitReady() {
    CompletableFuture<?> r = ready;
    if (r != null && !r.isDone()) {
      try {
        r.get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while the database starts", e);
      } catch (ExecutionException | TimeoutException e) {
        throw new IllegalStateException("database not ready: " + e.getMessage(), e);
      }
    } else if (r != null && r.isCompletedExceptionally()) {
      throw new IllegalStateException("database start-up failed");
    }
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
    return new Tx(this);
  }

  @Override
  public void close() {
    CompletableFuture<SessionFactory> f = factory;
    if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
      f.join().close();
    }
    synchronized (this) {
      if (transactionalDataSource != null) {
        transactionalDataSource.close();
      }
    }
    dataSource.close();
  }
}
