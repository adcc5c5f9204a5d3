package org.masakari.core.queue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one queue: a bounded in-memory queue with the same ack/redelivery contract as RabbitMQ.
 * Not durable — the outbox table is what survives a crash; its sweep republishes on restart.
 */
public final class InProcessWorkQueue implements WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessWorkQueue.class);
  private static final long REDELIVERY_DELAY_MS = 1000;

  private final LinkedBlockingQueue<WorkItem> queue = new LinkedBlockingQueue<>(100_000);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "inprocess-queue");
    t.setDaemon(true);
    return t;
  });
  private final java.util.concurrent.ScheduledExecutorService redelivery =
      Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "inprocess-queue-redelivery");
        t.setDaemon(true);
        return t;
      });

  @Override
  public CompletionStage<Void> publish(WorkItem item) {
    if (closed.get()) {
      return CompletableFuture.failedFuture(new IllegalStateException("queue closed"));
    }
    if (!queue.offer(item)) {
      return CompletableFuture.failedFuture(new IllegalStateException("in-process queue full"));
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void subscribe(WorkHandler handler, int prefetch) {
    Semaphore inFlight = new Semaphore(Math.max(1, prefetch));
    dispatcher.execute(() -> {
      while (!closed.get()) {
        WorkItem item;
        try {
          inFlight.acquire();
          item = queue.poll(200, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (item == null) {
          inFlight.release();
          continue;
        }
        WorkItem delivered = item;
        CompletionStage<Void> done;
        try {
          done = handler.handle(delivered);
        } catch (RuntimeException e) {
          done = CompletableFuture.failedFuture(e);
        }
        done.whenComplete((ok, err) -> {
          inFlight.release();
          if (err != null && !closed.get()) {
            LOG.warn("[notification={}] handler failed, redelivering in {} ms: {}",
                delivered.notificationUuid(), REDELIVERY_DELAY_MS, err.toString());
            redelivery.schedule(() -> queue.offer(delivered), REDELIVERY_DELAY_MS, TimeUnit.MILLISECONDS);
          }
        });
      }
    });
  }

  public int depth() {
    return queue.size();
  }

  @Override
  public String describe() {
    return "in-process queue";
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      dispatcher.shutdownNow();
      redelivery.shutdownNow();
    }
  }
}
