package org.masakari.engine.tasks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.Server;
import org.masakari.engine.nova.ServerListing;
import org.masakari.engine.poll.Waiter;

/**
 * The failed host's server list of one recovery. The disable task starts reading it while its own call to
 * Nova is in flight (both take one Nova round trip, so the first evacuation waits for one instead of two);
 * the prepare task takes that list; a later attempt (next reserved host) reads afresh. The evacuation task
 * reads each instance's state from the last list instead of one {@code GET} per instance.
 */
public final class HostServers {
  private CompletableFuture<ServerListing> prefetched;
  private volatile ServerListing last;

  /** Starts reading in the background; the next {@link #take} waits for it. */
  public synchronized void prefetch(Supplier<ServerListing> read, String threadName) {
    CompletableFuture<ServerListing> f = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        f.complete(read.get());
      } catch (RuntimeException e) {
        f.completeExceptionally(e);
      }
    }, threadName);
    t.setDaemon(true);
    t.start();
    prefetched = f;
  }

  /** The prefetched list if one is pending, else {@code read} now. */
  public ServerListing take(Supplier<ServerListing> read) {
    CompletableFuture<ServerListing> f;
    synchronized (this) {
      f = prefetched;
      prefetched = null;
    }
    ServerListing l = f == null ? read.get() : join(f);
    last = l;
    return l;
  }

  /** The instances of the last list taken, by id; empty before any. */
  public Map<String, Server> lastById() {
    ServerListing l = last;
    return l == null ? Map.of() : l.servers().stream().collect(Collectors.toMap(Server::id, Function.identity(),
        (a, b) -> a));
  }

  /** The last list taken, or null. */
  public ServerListing last() {
    return last;
  }

  private static ServerListing join(CompletableFuture<ServerListing> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Waiter.EngineStopping();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new NovaException(NovaException.Kind.FAILURE, 0, String.valueOf(e.getCause()));
    }
  }
}
