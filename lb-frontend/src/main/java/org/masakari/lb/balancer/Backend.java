package org.masakari.lb.balancer;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of servers with its algorithm, stickiness and maxconn queue. Picking is lock-free; the
 * queue is only touched when every usable server is at its maxconn.
 */
public final class Backend {
  private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
  private static final int STICKY_TABLE_LIMIT = 100_000;

  private final String name;
  private volatile BackendConfig config;
  private volatile BalancingAlgorithm algorithm;
  private final CopyOnWriteArrayList<Server> servers = new CopyOnWriteArrayList<>();
  /** {@link #servers} as an immutable snapshot for {@link #choose}: indexed without an iterator or a copy per request. */
  private volatile List<Server> snapshot = List.of();
  private final Map<String, String> sourceStickTable = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Waiter> queue = new ConcurrentLinkedQueue<>();
  /** Server changes are not logged (the warm-up's private backend, whose servers it replaces all the time). */
  private volatile boolean quiet;

  public Backend(BackendConfig config) {
    this.name = config.name();
    apply(config);
  }

  public String name() {
    return name;
  }

  void quiet() {
    quiet = true;
  }

  public BackendConfig config() {
    return config;
  }

  public List<Server> servers() {
    return servers;
  }

  public Server server(String serverName) {
    for (Server s : servers) {
      if (s.name().equals(serverName)) {
        return s;
      }
    }
    return null;
  }

  /** Reconciles servers with a (re)loaded config: counters of unchanged servers survive. */
  public synchronized void apply(BackendConfig newConfig) {
    BalancingAlgorithm newAlgorithm = config != null && config.balance() == newConfig.balance() ? algorithm
        : BalancingAlgorithm.of(newConfig.balance());
    config = newConfig;
    algorithm = newAlgorithm;
    List<String> wanted = new ArrayList<>();
    for (ServerConfig sc : newConfig.servers()) {
      wanted.add(sc.name());
      Server existing = server(sc.name());
      if (existing != null && existing.address().equals(sc.address())) {
        existing.setWeight(sc.weight());
        existing.setMaxconn(sc.maxconn());
        existing.setObserveErrorLimit(newConfig.check().observeErrorLimit());
        existing.setCheckEnabled(sc.check());
      } else {
        if (existing != null) {
          servers.remove(existing);
        }
        addServer(sc);
      }
    }
    servers.removeIf(s -> {
      boolean gone = !wanted.contains(s.name());
      if (gone && !quiet) {
        LOG.info("[backend={} server={}] removed by reload", name, s.name());
      }
      return gone;
    });
    refreshSnapshot();
  }

  public Server addServer(ServerConfig sc) {
    if (server(sc.name()) != null) {
      throw new IllegalArgumentException("server " + sc.name() + " already exists in backend " + name);
    }
    Server s = new Server(name, sc.name(), sc.address(), sc.weight(), sc.maxconn(), config.check().observeErrorLimit());
    s.setCheckEnabled(sc.check());
    servers.add(s);
    refreshSnapshot();
    if (!quiet) {
      LOG.info("[backend={} server={}] added at {} weight {}", name, sc.name(), sc.address(), sc.weight());
    }
    return s;
  }

  public boolean removeServer(String serverName) {
    Server s = server(serverName);
    if (s == null) {
      return false;
    }
    servers.remove(s);
    refreshSnapshot();
    LOG.info("[backend={} server={}] removed", name, serverName);
    return true;
  }

  /** Any server that could take traffic (health and admin state; room not considered). */
  public boolean healthy() {
    for (Server s : servers) {
      if (s.usable()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a usable server other than {@code self} and those in {@code tried} exists (room not considered). */
  public boolean usableBesides(Server self, Set<Server> tried) {
    for (Server s : servers) {
      if (s != self && s.usable() && (tried == null || !tried.contains(s))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Picks a server (sticky first, then the algorithm) among usable servers with room that were not
   * tried yet, and counts the connection on it. Queues when usable servers are all full.
   */
  public Future<Server> acquire(LoopExecutor loop, RequestKey key, String stickyServer, Set<Server> tried) {
    Server s = choose(key, stickyServer, tried);
    if (s != null) {
      return Future.succeededFuture(s);
    }
    return queue(loop, key, stickyServer, tried);
  }

  /**
   * {@link #acquire} without the queue: a server with room, counted, or null when the caller must
   * queue through {@link #acquire}. The HTTP fast path's per-request call (no future, no callback).
   */
  public Server tryAcquire(RequestKey key, String stickyServer, Set<Server> tried) {
    return choose(key, stickyServer, tried);
  }

  private Future<Server> queue(LoopExecutor loop, RequestKey key, String stickyServer, Set<Server> tried) {
    boolean anyUsable = false;
    for (Server c : servers) {
      anyUsable |= c.usable() && !tried.contains(c);
    }
    if (!anyUsable) {
      return Future.failedFuture(new NoServerAvailableException("no server available in backend " + name));
    }
    Promise<Server> promise = Promise.promise();
    Waiter w = new Waiter(loop, key, stickyServer, tried, promise);
    queue.add(w);
    long timeout = Math.max(1, config.timeoutQueue().toMillis());
    w.cancelTimer = loop.schedule(timeout, () -> {
      if (w.claimed.compareAndSet(false, true)) {
        queue.remove(w);
        promise.fail(new NoServerAvailableException("queue timeout in backend " + name));
      }
    });
    // a slot may have freed between the check and the enqueue
    drainQueue();
    return promise.future();
  }

  /** Ends a connection (TCP) or request (HTTP) on {@code s}; a freed slot serves the queue first. */
  public void release(Server s) {
    s.connectionClosed();
    if (!queue.isEmpty()) {
      drainQueue();
    }
  }

  private void drainQueue() {
    Waiter w;
    while ((w = queue.peek()) != null) {
      Server s = choose(w.key, w.stickyServer, w.tried);
      if (s == null) {
        return;
      }
      if (queue.remove(w) && w.claimed.compareAndSet(false, true)) {
        Waiter claimed = w;
        Runnable cancel = claimed.cancelTimer;
        if (cancel != null) {
          cancel.run();
        }
        claimed.loop.execute(() -> claimed.promise.complete(s));
      } else {
        // another thread served this waiter first: give the slot back
        s.connectionClosed();
      }
    }
  }

  private Server choose(RequestKey key, String stickyServer, Set<Server> tried) {
    List<Server> all = snapshot;
    List<Server> candidates = all;
    int n = all.size();
    for (int i = 0; i < n; i++) {
      if (!eligible(all.get(i), tried)) {
        // some server is out: pick among the rest (the usual case, all in, allocates nothing)
        candidates = new ArrayList<>(n);
        for (int j = 0; j < n; j++) {
          Server s = all.get(j);
          if (eligible(s, tried)) {
            candidates.add(s);
          }
        }
        break;
      }
    }
    if (candidates.isEmpty()) {
      return null;
    }
    BackendConfig cfg = config;
    String preferred = stickyServer;
    if (cfg.sticky() == BackendConfig.Sticky.SOURCE && key.sourceIp() != null) {
      preferred = sourceStickTable.get(key.sourceIp());
    }
    Server chosen = null;
    if (preferred != null) {
      for (Server c : candidates) {
        if (c.name().equals(preferred)) {
          chosen = c;
        }
      }
    }
    if (chosen == null) {
      chosen = algorithm.pick(candidates, key);
      if (cfg.sticky() == BackendConfig.Sticky.SOURCE && key.sourceIp() != null
          && sourceStickTable.size() < STICKY_TABLE_LIMIT) {
        sourceStickTable.put(key.sourceIp(), chosen.name());
      }
    }
    chosen.connectionOpened();
    return chosen;
  }

  /** Synchronized so that of two concurrent changes the later snapshot always holds both. */
  private synchronized void refreshSnapshot() {
    snapshot = List.copyOf(servers);
  }

  private static boolean eligible(Server s, Set<Server> tried) {
    return s.usable() && s.hasRoom() && !tried.contains(s);
  }

  private static final class Waiter {
    final LoopExecutor loop;
    final RequestKey key;
    final String stickyServer;
    final Set<Server> tried;
    final Promise<Server> promise;
    final AtomicBoolean claimed = new AtomicBoolean();
    volatile Runnable cancelTimer;

    Waiter(LoopExecutor loop, RequestKey key, String stickyServer, Set<Server> tried, Promise<Server> promise) {
      this.loop = loop;
      this.key = key;
      this.stickyServer = stickyServer;
      this.tried = tried;
      this.promise = promise;
    }
  }
}
