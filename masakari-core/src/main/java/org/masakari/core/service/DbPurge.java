package org.masakari.core.service;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.masakari.core.db.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code masakari-manage db purge}: hard-deletes old rows, children first. Notifications go by
 * updated_at and terminal status (whether or not soft-deleted); other tables by deleted_at.
 * {@code maxRows} caps the total (-1 = no cap). Works in batches so no long table-wide locks are held.
 */
public final class DbPurge {
  private static final Logger LOG = LoggerFactory.getLogger(DbPurge.class);
  private static final int BATCH = 1000;
  private static final String[][] TABLES = {
      // table, where-clause (parameter :c = cutoff)
      {"vmoves", "deleted_at < :c"},
      {"notifications", "updated_at < :c and status in ('finished', 'failed', 'ignored')"},
      {"hosts", "deleted_at < :c"},
      {"failover_segments", "deleted_at < :c"},
  };

  private final Tx tx;

  public DbPurge(Tx tx) {
    this.tx = tx;
  }

  /** @return rows deleted */
  public long purge(int ageInDays, long maxRows) {
    LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minusDays(ageInDays);
    long total = 0;
    for (String[] t : TABLES) {
      while (maxRows < 0 || total < maxRows) {
        long room = maxRows < 0 ? BATCH : Math.min(BATCH, maxRows - total);
        String sql = "delete from " + t[0] + " where id in (select id from (select id from " + t[0]
            + " where " + t[1] + " order by id limit " + room + ") x)";
        int n = tx.call(s -> s.createNativeMutationQuery(sql).setParameter("c", cutoff).executeUpdate());
        total += n;
        if (n > 0) {
          LOG.info("purged {} rows from {}", n, t[0]);
        }
        if (n < room) {
          break;
        }
      }
    }
    return total;
  }
}
