package org.masakari.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.masakari.engine.nova.Aggregate;
import org.masakari.engine.nova.ComputeService;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.nova.Server;
import org.masakari.engine.nova.ServerListing;
import org.masakari.engine.poll.PollTimeout;
import org.masakari.engine.poll.Poller;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.support.Options;

/**
 * The watcher's own rules against an in-memory Nova that keeps {@code updated_at} per server and answers
 * {@code changes-since} as Nova does (servers updated at or after it). The WireMock and cloud-sim tests
 * cover the wire; this one covers the watermark and the seen-before-watched cases, which need control
 * over the order of events.
 */
class EvacuationWatcherTest {
  private final Waiter waiter = new Waiter();
  private final ExecutorService readers = Executors.newFixedThreadPool(4);
  private final ExecutorService runner = Executors.newSingleThreadExecutor();
  private final MemoryNova nova = new MemoryNova();

  @AfterEach
  void stop() {
    waiter.stop();
    readers.shutdownNow();
    runner.shutdownNow();
  }

  private EvacuationWatcher watcher(List<String> ids, String... extraOptions) {
    var options = Options.fast(extraOptions);
    var deps = new TaskDependencies(nova, options, new Poller(waiter, options.engine().pollInitialInterval()), null,
        null);
    return new EvacuationWatcher(deps, "[test]", ids, Instant.now().minusSeconds(1), readers);
  }

  private CompletableFuture<Void> run(EvacuationWatcher w, AtomicBoolean more) {
    return CompletableFuture.runAsync(() -> w.run(more::get), runner);
  }

  @Test
  void confirmsManyEvacuationsWithAFewListCallsAndNoReadPerInstance() throws Exception {
    List<String> ids = IntStream.range(0, 50).mapToObj(i -> "i-" + i).toList();
    ids.forEach(id -> nova.put(id, "h1", "active", null));
    EvacuationWatcher w = watcher(ids);
    AtomicBoolean more = new AtomicBoolean(true);
    CompletableFuture<Void> loop = run(w, more);
    List<CompletableFuture<Server>> done = new ArrayList<>();
    for (String id : ids) {
      done.add(w.watch(id, "h1", "active", null));
      nova.put(id, "h2", "active", "rebuilding");
    }
    more.set(false);
    ids.forEach(id -> nova.put(id, "h2", "active", null));
    CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    loop.get(10, TimeUnit.SECONDS);
    assertThat(done).allSatisfy(f -> assertThat(f.join().hypervisorHostname()).isEqualTo("h2"));
    assertThat(nova.reads.get()).isZero();
    assertThat(nova.lists.get()).isBetween(1, 49);
  }

  @Test
  void aRebuildFinishedBeforeItsWatchBeganIsConfirmedAtOnce() throws Exception {
    nova.put("slow", "h1", "active", null);
    nova.put("fast", "h1", "active", null);
    EvacuationWatcher w = watcher(List.of("slow", "fast"));
    AtomicBoolean more = new AtomicBoolean(true);
    CompletableFuture<Void> loop = run(w, more);
    CompletableFuture<Server> slow = w.watch("slow", "h1", "active", null);
    // Nova finished "fast" before its evacuate call returned to us; a poll sees it first
    nova.put("fast", "h3", "active", null);
    int lists = nova.lists.get();
    while (nova.lists.get() < lists + 2) {
      Thread.sleep(5);
    }
    CompletableFuture<Server> fast = w.watch("fast", "h1", "active", null);
    assertThat(fast).isCompleted();
    assertThat(fast.join().hypervisorHostname()).isEqualTo("h3");
    more.set(false);
    nova.put("slow", "h2", "active", null);
    assertThat(slow.get(10, TimeUnit.SECONDS).hypervisorHostname()).isEqualTo("h2");
    loop.get(10, TimeUnit.SECONDS);
  }

  @Test
  void anErrorSeenBeforeTheWatchDoesNotFailItButAnErrorAfterDoes() throws Exception {
    nova.put("other", "h1", "active", null);
    nova.put("e", "h1", "error", null);
    EvacuationWatcher w = watcher(List.of("other", "e"));
    AtomicBoolean more = new AtomicBoolean(true);
    CompletableFuture<Void> loop = run(w, more);
    w.watch("other", "h1", "active", null);
    int lists = nova.lists.get();
    while (nova.lists.get() < lists + 2) {
      Thread.sleep(5);
    }
    CompletableFuture<Server> e = w.watch("e", "h1", "active", null);
    Thread.sleep(100);
    assertThat(e).isNotDone();
    more.set(false);
    nova.put("other", "h2", "active", null);
    nova.put("e", "h2", "error", null);
    assertThatThrownBy(() -> e.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RecoveryFailed.class).hasMessageContaining("went to error");
    loop.get(10, TimeUnit.SECONDS);
  }

  @Test
  void eachListAsksForChangesSinceTheLastListsNovaTime() throws Exception {
    nova.put("a", "h1", "active", null);
    EvacuationWatcher w = watcher(List.of("a"));
    AtomicBoolean more = new AtomicBoolean(false);
    CompletableFuture<Server> a = w.watch("a", "h1", "active", null);
    CompletableFuture<Void> loop = run(w, more);
    while (nova.lists.get() < 3) {
      Thread.sleep(5);
    }
    nova.put("a", "h2", "active", null);
    a.get(10, TimeUnit.SECONDS);
    loop.get(10, TimeUnit.SECONDS);
    List<Instant> since = List.copyOf(nova.sinceAsked);
    List<Instant> answered = List.copyOf(nova.novaTimes);
    for (int i = 1; i < since.size(); i++) {
      assertThat(since.get(i)).isEqualTo(answered.get(i - 1));
    }
  }

  @Test
  void aNovaWithoutChangesSinceIsAskedPerInstance() throws Exception {
    nova.changesSinceSupported = false;
    nova.put("a", "h1", "active", null);
    nova.put("b", "h1", "stopped", null);
    EvacuationWatcher w = watcher(List.of("a", "b"));
    CompletableFuture<Server> a = w.watch("a", "h1", "active", null);
    CompletableFuture<Server> b = w.watch("b", "h1", "stopped", null);
    nova.put("a", "h2", "active", null);
    nova.put("b", "h3", "stopped", null);
    run(w, new AtomicBoolean(false)).get(10, TimeUnit.SECONDS);
    assertThat(a.join().hypervisorHostname()).isEqualTo("h2");
    assertThat(b.join().hypervisorHostname()).isEqualTo("h3");
    assertThat(nova.reads.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anInstanceThatNeverMovesTimesOutAfterALastRead() throws Exception {
    nova.put("stuck", "h1", "active", "rebuilding");
    EvacuationWatcher w = watcher(List.of("stuck"), "[DEFAULT]", "wait_period_after_evacuation = 1");
    long start = System.nanoTime();
    CompletableFuture<Server> f = w.watch("stuck", "h1", "active", null);
    run(w, new AtomicBoolean(false)).get(10, TimeUnit.SECONDS);
    assertThatThrownBy(f::join).hasCauseInstanceOf(PollTimeout.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    assertThat(nova.reads.get()).isEqualTo(1);
  }

  /** Servers with Nova's updated_at; only what the watcher calls is implemented. */
  static final class MemoryNova implements NovaPort {
    private final Map<String, Server> servers = new ConcurrentHashMap<>();
    private final Map<String, Instant> updated = new ConcurrentHashMap<>();
    final AtomicInteger lists = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final List<Instant> sinceAsked = new CopyOnWriteArrayList<>();
    final List<Instant> novaTimes = new CopyOnWriteArrayList<>();
    volatile boolean changesSinceSupported = true;

    void put(String id, String host, String vmState, String taskState) {
      servers.put(id, new Server(id, id, vmState, taskState, 1, host, host, false, Map.of()));
      updated.put(id, Instant.now());
    }

    @Override
    public ServerListing serversChangedSince(Instant since) {
      if (!changesSinceSupported) {
        throw new NovaException(NovaException.Kind.INVALID_INPUT, 400, "Invalid filter field: changes-since.");
      }
      lists.incrementAndGet();
      sinceAsked.add(since);
      Instant now = Instant.now();
      List<Server> changed = servers.values().stream().filter(s -> !updated.get(s.id()).isBefore(since)).toList();
      // a distinct watermark per answer, so that the test can tell which answer the next call used
      Instant novaTime = now.minusMillis(lists.get());
      novaTimes.add(novaTime);
      return new ServerListing(changed, novaTime);
    }

    @Override
    public Server server(String id) {
      reads.incrementAndGet();
      return servers.get(id);
    }

    @Override
    public ServerListing serversOnHost(String host) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<ComputeService> services(String binary) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeService service(String host, String binary) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeService disableService(ComputeService service, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeService enableService(ComputeService service) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeService disableAndForceDown(ComputeService service, String reason) {
      throw new UnsupportedOperationException();
    }

    @Override
    public ComputeService forceDown(ComputeService service, boolean down) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void evacuate(String serverId, String targetHost) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void resetState(String serverId, String state) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void stop(String serverId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void start(String serverId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void lock(String serverId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void unlock(String serverId) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Aggregate> aggregates() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void addHostToAggregate(String aggregateId, String host) {
      throw new UnsupportedOperationException();
    }
  }
}
