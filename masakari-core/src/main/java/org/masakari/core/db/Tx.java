package org.masakari.core.db;

import java.sql.SQLException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.masakari.core.fault.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work in a transaction and retries it when the database says the transaction lost a race:
 * InnoDB deadlock (1213), lock wait timeout (1205), Galera certification failure (reported as 1213 /
 * SQLState 40001), H2's deadlock / lock timeout. Retried work must be idempotent up to its commit.
 */
public final class Tx {
  private static final Logger LOG = LoggerFactory.getLogger(Tx.class);
  private static final int MAX_ATTEMPTS = 5;

  private final Database db;
  private final javax.sql.DataSource dataSource;

  /** Resolves the session factory at first use: services can be wired while the database is still starting. */
  Tx(Database db) {
    this.db = db;
    this.dataSource = db.dataSource();
  }

  /** Work on a plain JDBC connection inside one transaction (the hot write paths: no session, no entities). */
  @FunctionalInterface
  public interface JdbcWork<T> {
    T apply(java.sql.Connection c) throws SQLException;
  }

  /**
   * Runs {@code work} in one JDBC transaction with the same retry rules as {@link #call}; an
   * {@link SQLException} that is not retried leaves as an {@link IllegalStateException}.
   */
  public <T> T jdbc(JdbcWork<T> work) {
    db.awaitReady();
    for (int attempt = 1; ; attempt++) {
      // autocommit is already off on these connections: BEGIN is implicit, no toggling round trips
      try (java.sql.Connection c = db.transactionalDataSource().getConnection()) {
        try {
          T result = work.apply(c);
          c.commit();
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            c.rollback();
          } catch (SQLException ignored) {
            // the original failure is what matters
          }
          throw e;
        }
      } catch (SQLException | RuntimeException e) {
        if (e instanceof Fault || attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          if (e instanceof RuntimeException r) {
            throw r;
          }
          throw new IllegalStateException("database: " + e.getMessage(), e);
        }
        LOG.warn("transaction lost a race (attempt {}/{}): {}; retrying", attempt, MAX_ATTEMPTS, rootMessage(e));
        backoff(attempt);
      }
    }
  }

  /** Read-only JDBC work in autocommit mode (one statement, no BEGIN/COMMIT). */
  public <T> T jdbcRead(JdbcWork<T> work) {
    db.awaitReady();
    try (java.sql.Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new IllegalStateException("database: " + e.getMessage(), e);
    }
  }

  public <T> T call(Function<Session, T> work) {
    for (int attempt = 1; ; attempt++) {
      Session session = db.sessionFactory().openSession();
      Transaction t = null;
      try {
        t = session.beginTransaction();
        T result = work.apply(session);
        t.commit();
        return result;
      } catch (RuntimeException e) {
        rollbackQuietly(t);
        if (e instanceof Fault || attempt >= MAX_ATTEMPTS || !isRetryable(e)) {
          throw e;
        }
        LOG.warn("transaction lost a race (attempt {}/{}): {}; retrying", attempt, MAX_ATTEMPTS, rootMessage(e));
        backoff(attempt);
      } finally {
        session.close();
      }
    }
  }

  /**
   * Read-only work in a stateless session without an explicit transaction (autocommit): no persistence
   * context, no dirty checking and no BEGIN/COMMIT round trips — the hot path of every GET.
   */
  public <T> T read(Function<org.hibernate.SharedSessionContract, T> work) {
    try (org.hibernate.StatelessSession session = db.sessionFactory().openStatelessSession()) {
      return work.apply(session);
    }
  }

  public void run(java.util.function.Consumer<Session> work) {
    call(s -> {
      work.accept(s);
      return null;
    });
  }

  private static void rollbackQuietly(Transaction t) {
    try {
      if (t != null && t.isActive()) {
        t.rollback();
      }
    } catch (RuntimeException ignored) {
      // the original failure is what matters
    }
  }

  static boolean isRetryable(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql) {
        int code = sql.getErrorCode();
        String state = sql.getSQLState();
        if (code == 1213 || code == 1205 || "40001".equals(state) || "HYT00".equals(state)
            || code == 40001 || code == 50200) {
          return true;
        }
      }
      if (c instanceof org.hibernate.exception.LockAcquisitionException
          || c instanceof jakarta.persistence.PessimisticLockException
          || c instanceof org.hibernate.PessimisticLockException) {
        return true;
      }
    }
    return false;
  }

  /** True when the failure is a unique-key violation (a concurrent insert of the same name). */
  public static boolean isDuplicateKey(Throwable e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SQLException sql) {
        if (sql.getErrorCode() == 1062 || "23505".equals(sql.getSQLState())
            || (sql.getSQLState() != null && sql.getSQLState().startsWith("23") && sql.getErrorCode() == 1062)) {
          return true;
        }
      }
      if (c instanceof org.hibernate.exception.ConstraintViolationException cv
          && cv.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable r = e;
    while (r.getCause() != null) {
      r = r.getCause();
    }
    return r.getMessage();
  }

  private static void backoff(int attempt) {
    try {
      // short, jittered: the competing transaction usually commits within milliseconds
      Thread.sleep((long) (5 * Math.pow(2, attempt) + Math.random() * 10));
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a transaction", ie);
    }
  }
}
