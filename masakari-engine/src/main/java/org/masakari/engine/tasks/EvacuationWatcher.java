package org.masakari.engine.tasks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.nova.Server;
import org.masakari.engine.nova.ServerListing;
import org.masakari.engine.poll.PollTimeout;
import org.masakari.engine.poll.Poller;
import org.masakari.engine.poll.Waiter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms the evacuations of one recovery with one Nova list per poll —
 * {@code GET /servers/detail?all_tenants&changes-since=T} — instead of one {@code GET /servers/{id}} per
 * instance per poll as upstream does: with 200 instances and 1 s per Nova call that is the difference
 * between 20 s and minutes of confirmation at the same parallelism, and Nova sees a handful of calls.
 *
 * <p>{@code T} moves forward with every poll: each list reports Nova's clock when it read
 * ({@link ServerListing#novaTime}), and the next asks for changes since then, so every state change of a
 * watched server is seen by some poll that read after it. What a poll saw of a server not yet watched (its
 * evacuate call has not returned) is kept, because a fast rebuild may finish before then.
 *
 * <p>Per instance the rules are upstream's (contract §5.3): success when it runs on another hypervisor
 * with no task and in its expected state ({@code error} may come back {@code active}), failure at once when
 * it turns {@code error} unexpectedly, {@code wait_period_after_evacuation} from its evacuate call at most.
 * A state seen before the instance was watched can confirm it but never fail it. A Nova without
 * {@code changes-since} (400/404) is polled per instance instead.
 */
final class EvacuationWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EvacuationWatcher.class);
  /** Without a Date header the watermark comes from our clock; this covers clocks a little apart. */
  static final Duration LOCAL_CLOCK_MARGIN = Duration.ofSeconds(30);

  private record Watch(String id, String source, String expected, long round, long deadlineNanos,
      CompletableFuture<Server> done) {}

  private record Seen(Server server, long round) {}

  private final NovaPort nova;
  private final Poller poller;
  private final Duration initialInterval;
  private final Duration maxInterval;
  private final Duration timeout;
  private final String tag;
  private final ExecutorService readers;
  private final Set<String> ofInterest;
  private final Map<String, Seen> seen = new ConcurrentHashMap<>();
  private final Map<String, Watch> pending = new ConcurrentHashMap<>();
  private final AtomicLong round = new AtomicLong();
  private final AtomicBoolean added = new AtomicBoolean();
  private Instant since;
  private boolean perInstance;

  /**
   * @param ofInterest every instance this recovery may evacuate
   * @param since Nova's clock before the first evacuate call, or null to derive it from ours
   * @param readers where per-instance reads run when Nova cannot list changes
   */
  EvacuationWatcher(TaskDependencies deps, String tag, Collection<String> ofInterest, Instant since,
      ExecutorService readers) {
    this.nova = deps.nova();
    this.poller = deps.poller();
    this.initialInterval = deps.options().engine().pollInitialInterval();
    this.maxInterval = deps.options().timing().verifyInterval();
    this.timeout = deps.options().timing().evacuationWait();
    this.tag = tag;
    this.readers = readers;
    this.ofInterest = Set.copyOf(ofInterest);
    this.since = since != null ? since : Instant.now().minus(LOCAL_CLOCK_MARGIN);
  }

  /**
   * Watches one instance from now on, whose evacuate call Nova has accepted.
   *
   * @param current what the caller just read of it (a resumed evacuation), or null
   * @return completes with the server once confirmed; exceptionally with {@link RecoveryFailed} or
   *     {@link PollTimeout}
   */
  CompletableFuture<Server> watch(String id, String source, String expected, Server current) {
    Watch w = new Watch(id, source, expected, round.get(), System.nanoTime() + timeout.toNanos(),
        new CompletableFuture<>());
    Seen before = current != null ? new Seen(current, Long.MAX_VALUE) : seen.get(id);
    Verdict v = before == null ? Verdict.WAIT : verdict(w, before);
    if (v == Verdict.DONE) {
      w.done.complete(before.server());
      return w.done;
    }
    if (v == Verdict.FAILED) {
      w.done.completeExceptionally(new RecoveryFailed("Instance " + id + " went to error state during evacuation"));
      return w.done;
    }
    pending.put(id, w);
    added.set(true);
    // a poll may have seen it between the look above and the put, and settled without it
    Seen now = seen.get(id);
    if (now != null && now != before) {
      settleOne(w, now, false);
    }
    return w.done;
  }

  /** Polls on the calling thread until nothing is watched and {@code moreToCome} says no more will be. */
  void run(BooleanSupplier moreToCome) {
    Duration pause = initialInterval;
    while (true) {
      boolean more = moreToCome.getAsBoolean();
      if (!more && pending.isEmpty()) {
        return;
      }
      if (!pending.isEmpty()) {
        poll();
        expire();
      }
      if (added.getAndSet(false)) {
        pause = initialInterval;
      } else {
        Duration next = pause.multipliedBy(2);
        pause = next.compareTo(maxInterval) > 0 ? maxInterval : next;
      }
      if (moreToCome.getAsBoolean() || !pending.isEmpty()) {
        poller.fixed(pause);
      }
    }
  }

  private void poll() {
    long r = round.incrementAndGet();
    if (!perInstance) {
      Instant localBefore = Instant.now();
      try {
        ServerListing changed = nova.serversChangedSince(since);
        observe(changed.servers(), r);
        since = changed.novaTime() != null ? changed.novaTime() : localBefore.minus(LOCAL_CLOCK_MARGIN);
      } catch (NovaException e) {
        if (e.kind() == NovaException.Kind.INVALID_INPUT || e.kind() == NovaException.Kind.NOT_FOUND) {
          LOG.warn("{} Nova cannot list servers by changes-since ({}); confirming each instance on its own", tag,
              e.getMessage());
          perInstance = true;
        } else {
          // a failed poll is retried by the next one; only the deadline ends a watch
          LOG.warn("{} polling evacuations failed: {}", tag, e.getMessage());
          return;
        }
      }
    }
    if (perInstance) {
      readEach(pending.keySet(), r);
    }
    settle(false);
  }

  /** One last read of each watch past its deadline, then a timeout. */
  private void expire() {
    long now = System.nanoTime();
    List<String> late = pending.values().stream().filter(w -> now - w.deadlineNanos >= 0).map(Watch::id).toList();
    if (late.isEmpty()) {
      return;
    }
    readEach(late, round.incrementAndGet());
    settle(true);
  }

  private void readEach(Collection<String> ids, long r) {
    List<Future<?>> reads = new ArrayList<>();
    for (String id : List.copyOf(ids)) {
      reads.add(readers.submit(() -> {
        try {
          observe(List.of(nova.server(id)), r);
        } catch (NovaException e) {
          LOG.warn("{} [instance={}] reading evacuation state failed: {}", tag, id, e.getMessage());
        }
      }));
    }
    for (Future<?> f : reads) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Waiter.EngineStopping();
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.warn("{} reading evacuation state failed: {}", tag, e.getCause().toString());
      }
    }
  }

  private void observe(List<Server> servers, long r) {
    for (Server s : servers) {
      if (ofInterest.contains(s.id())) {
        seen.put(s.id(), new Seen(s, r));
      }
    }
  }

  private void settle(boolean timeUp) {
    for (Watch w : List.copyOf(pending.values())) {
      settleOne(w, seen.get(w.id), timeUp);
    }
  }

  /** Completes the watch when its state decides it; removing it from {@code pending} first makes this once only. */
  private void settleOne(Watch w, Seen s, boolean timeUp) {
    Verdict v = s == null ? Verdict.WAIT : verdict(w, s);
    if (v == Verdict.DONE) {
      if (pending.remove(w.id, w)) {
        w.done.complete(s.server());
      }
    } else if (v == Verdict.FAILED) {
      if (pending.remove(w.id, w)) {
        w.done.completeExceptionally(new RecoveryFailed("Instance " + w.id + " went to error state during evacuation"));
      }
    } else if (timeUp && System.nanoTime() - w.deadlineNanos >= 0 && pending.remove(w.id, w)) {
      w.done.completeExceptionally(new PollTimeout(tag + " [instance=" + w.id + "] evacuation: not reached within "
          + timeout.toMillis() / 1000.0 + " s"));
    }
  }

  private enum Verdict { WAIT, DONE, FAILED }

  private static Verdict verdict(Watch w, Seen seen) {
    Server s = seen.server();
    boolean fresh = seen.round() > w.round;
    if ("error".equals(s.vmState()) && !"error".equals(w.expected)) {
      return fresh ? Verdict.FAILED : Verdict.WAIT;
    }
    boolean elsewhere = s.hypervisorHostname() != null && !s.hypervisorHostname().equals(w.source);
    if (!elsewhere || s.taskState() != null) {
      return Verdict.WAIT;
    }
    if (w.expected == null) {
      return Verdict.DONE;
    }
    return s.vmState() != null && (s.vmState().equals(w.expected)
        || ("error".equals(w.expected) && "active".equals(s.vmState()))) ? Verdict.DONE : Verdict.WAIT;
  }
}
