package org.masakari.core.queue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.OutboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves committed outbox rows onto the work queue. Right after a notification commits, its row is
 * published at once; the row is deleted only when the queue confirms. A periodic sweep republishes rows
 * left behind (broker down, process killed between commit and publish). Several API replicas may sweep
 * the same row: the engine's claim in the database makes a duplicate message a no-op.
 */
public final class OutboxRelay implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int SWEEP_BATCH = 500;

  private final Tx tx;
  private final WorkQueue queue;
  private final Duration sweepInterval;
  private final Duration minAge;
  private final ExecutorService db = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "outbox-db");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "outbox-sweep");
    t.setDaemon(true);
    return t;
  });
  private final java.util.concurrent.ConcurrentLinkedQueue<String> confirmed = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.atomic.AtomicBoolean deleteScheduled = new java.util.concurrent.atomic.AtomicBoolean();
  private final AtomicLong published = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  public OutboxRelay(Tx tx, WorkQueue queue, Duration sweepInterval, Duration minAge) {
    this.tx = tx;
    this.queue = queue;
    this.sweepInterval = sweepInterval;
    this.minAge = minAge;
  }

  public void start() {
    long ms = sweepInterval.toMillis();
    sweeper.scheduleWithFixedDelay(this::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
  }

  /** Hands a just-committed notification to the queue; the outbox row goes when the queue confirms. */
  public void publishCommitted(WorkItem item) {
    queue.publish(item).whenComplete((ok, err) -> {
      if (err == null) {
        published.incrementAndGet();
        confirmed.add(item.notificationUuid());
        if (deleteScheduled.compareAndSet(false, true)) {
          // one DELETE per burst of confirms instead of one transaction per notification
          sweeper.schedule(() -> db.execute(this::deleteConfirmed), 20, TimeUnit.MILLISECONDS);
        }
      } else {
        failed.incrementAndGet();
        LOG.warn("[notification={}] [host={}] not yet on the work queue ({}); the outbox sweep will retry",
            item.notificationUuid(), item.sourceHostUuid(), err.toString());
      }
    });
  }

  private void deleteConfirmed() {
    deleteScheduled.set(false);
    List<String> batch = new java.util.ArrayList<>();
    for (String u; batch.size() < 500 && (u = confirmed.poll()) != null; ) {
      batch.add(u);
    }
    if (batch.isEmpty()) {
      return;
    }
    try {
      tx.run(s -> s.createMutationQuery("delete from OutboxEntry o where o.notificationUuid in (:u)")
          .setParameterList("u", batch).executeUpdate());
    } catch (RuntimeException e) {
      // harmless: the sweep republishes them and the engine ignores the duplicates
      LOG.warn("could not delete {} confirmed outbox rows: {}", batch.size(), e.toString());
    }
    if (!confirmed.isEmpty() && deleteScheduled.compareAndSet(false, true)) {
      db.execute(this::deleteConfirmed);
    }
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("outbox sweep failed: {}", e.toString());
    }
  }

  /** Republishes rows older than the minimum age whose last attempt is also that old. */
  public int sweep() {
    LocalDateTime cutoff = LocalDateTime.now(ZoneOffset.UTC).minus(minAge);
    List<WorkItem> items = tx.call(s -> {
      List<OutboxEntry> rows = s.createQuery("from OutboxEntry o where o.createdAt < :c"
              + " and (o.lastAttemptAt is null or o.lastAttemptAt < :c) order by o.id", OutboxEntry.class)
          .setParameter("c", cutoff).setMaxResults(SWEEP_BATCH).getResultList();
      LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
      rows.forEach(r -> r.recordAttempt(now));
      return rows.stream().map(r -> new WorkItem(r.getNotificationUuid(), r.getSourceHostUuid(), r.getType())).toList();
    });
    if (!items.isEmpty()) {
      LOG.info("outbox sweep: republishing {} notifications", items.size());
    }
    items.forEach(this::publishCommitted);
    return items.size();
  }

  public long publishedCount() {
    return published.get();
  }

  public long failedCount() {
    return failed.get();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    db.shutdown();
    try {
      db.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
