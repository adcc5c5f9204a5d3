package org.masakari.engine.processing;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.queue.WorkHandler;
import org.masakari.core.queue.WorkItem;
import org.masakari.engine.config.EngineOwnOptions;
import org.masakari.engine.events.VersionedNotifier;
import org.masakari.engine.poll.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work-queue consumer. For each message: claim in the database, run the flow, store the outcome,
 * and only then complete the stage (= ack). A duplicate or redelivered message finds nothing to claim
 * and is acked at once. A busy host is retried here every {@code host_busy_retry_interval} (the message
 * stays unacked, bounded by the prefetch) — never by sleeping a thread.
 */
public final class NotificationProcessor implements WorkHandler, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationProcessor.class);

  private final ClaimStore claims;
  private final NotificationDispatcher dispatcher;
  private final EngineOwnOptions options;
  private final Waiter waiter;
  private final VersionedNotifier notifier;
  private final ExecutorService workers;
  private final ScheduledExecutorService timers;
  private final Set<String> active = ConcurrentHashMap.newKeySet();
  private final AtomicLong processed = new AtomicLong();

  public NotificationProcessor(ClaimStore claims, NotificationDispatcher dispatcher, EngineOwnOptions options,
      Waiter waiter, VersionedNotifier notifier) {
    this.notifier = notifier;
    this.claims = claims;
    this.dispatcher = dispatcher;
    this.options = options;
    this.waiter = waiter;
    this.workers = Executors.newFixedThreadPool(options.maxConcurrentNotifications(), r -> {
      Thread t = new Thread(r, "recovery");
      t.setDaemon(true);
      return t;
    });
    this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "engine-timers");
      t.setDaemon(true);
      return t;
    });
    long hb = options.heartbeatInterval().toMillis();
    timers.scheduleWithFixedDelay(this::heartbeat, hb, hb, TimeUnit.MILLISECONDS);
  }

  @Override
  public CompletionStage<Void> handle(WorkItem item) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    long deadline = System.nanoTime() + options.hostBusyMaxWait().toNanos();
    workers.execute(() -> attempt(item, done, deadline));
    return done;
  }

  /** For the periodic jobs: the same path as a message, without an ack. */
  public CompletionStage<Void> submit(WorkItem item) {
    return handle(item);
  }

  public long processedCount() {
    return processed.get();
  }

  private void attempt(WorkItem item, CompletableFuture<Void> done, long deadline) {
    if (waiter.isStopped()) {
      done.completeExceptionally(new Waiter.EngineStopping());
      return;
    }
    try {
      ClaimStore.Claim claim = claims.claimAndLoad(item, dispatcher::decide);
      switch (claim.result()) {
        case NOTHING_TO_DO -> done.complete(null);
        case HOST_BUSY -> retryLater(item, done, deadline);
        case DECIDED -> decided(item, claim, done);
        default -> run(item, claim, done);
      }
    } catch (RuntimeException e) {
      LOG.warn("[notification={}] [host={}] claim failed: {}", item.notificationUuid(), item.sourceHostUuid(), e.toString());
      done.completeExceptionally(e);
    }
  }

  private void retryLater(WorkItem item, CompletableFuture<Void> done, long deadline) {
    if (System.nanoTime() > deadline) {
      LOG.warn("[notification={}] [host={}] host busy for too long; leaving it to the periodic retry",
          item.notificationUuid(), item.sourceHostUuid());
      done.complete(null);
      return;
    }
    timers.schedule(() -> workers.execute(() -> attempt(item, done, deadline)),
        options.hostBusyRetry().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The claim already stored the outcome: only the events are left. */
  private void decided(WorkItem item, ClaimStore.Claim claim, CompletableFuture<Void> done) {
    Notification before = claim.notification();
    Outcome outcome = claim.decided();
    notifier.settled(before, before.getStatus().wire(), outcome.status().wire(), outcome.message());
    processed.incrementAndGet();
    LOG.info("[notification={}] [host={}] {} by {} (settled by its content)", item.notificationUuid(),
        item.sourceHostUuid(), outcome.status().wire(), claims.engineId());
    done.complete(null);
  }

  /** The claim's copy of the notification (its immutable fields are what the events carry) and host serve all. */
  private void run(WorkItem item, ClaimStore.Claim claimed, CompletableFuture<Void> done) {
    ClaimResult claim = claimed.result();
    Notification before = claimed.notification();
    active.add(item.notificationUuid());
    try {
      LOG.info("[notification={}] [host={}] claimed by {} ({})", item.notificationUuid(), item.sourceHostUuid(),
          claims.engineId(), claim);
      notifier.processEvent(before, "start", switch (claim) {
        case CLAIMED_RETRY -> "error";
        case TAKEN_OVER -> "running";
        default -> "new";
      }, null);
      Outcome outcome = dispatcher.process(before, claimed.host(), claim == ClaimResult.CLAIMED_NEW);
      NotificationStatus status = outcome.status();
      if (status == NotificationStatus.ERROR && claim == ClaimResult.CLAIMED_RETRY) {
        // upstream allows exactly one automatic retry: an error after it is final
        status = NotificationStatus.FAILED;
      }
      boolean stored = claims.finish(item, status, outcome.message());
      if (stored) {
        // unlike upstream, the event carries the stored outcome, not "running"
        notifier.processEvent(before, outcome.cause() != null ? "error" : "end", status.wire(), outcome.cause());
      }
      processed.incrementAndGet();
      LOG.info("[notification={}] [host={}] {}", item.notificationUuid(), item.sourceHostUuid(), status.wire());
      done.complete(null);
    } catch (Waiter.EngineStopping e) {
      LOG.info("[notification={}] engine stopping: leaving the claim for a peer to resume", item.notificationUuid());
      done.completeExceptionally(e);
    } catch (RuntimeException e) {
      LOG.warn("[notification={}] could not store the outcome: {}", item.notificationUuid(), e.toString());
      done.completeExceptionally(e);
    } finally {
      active.remove(item.notificationUuid());
    }
  }

  private void heartbeat() {
    try {
      claims.heartbeat(Set.copyOf(active));
    } catch (RuntimeException e) {
      LOG.warn("claim heartbeat failed: {}", e.toString());
    }
  }

  /** Stops taking work; running flows end at their next wait (the claims stay for peers to take over). */
  @Override
  public void close() {
    timers.shutdownNow();
    workers.shutdownNow();
    try {
      workers.awaitTermination(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
