package org.masakari.api.resources;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import org.masakari.api.http.Reply;

/** Runs database and Nova calls on the named worker pool, never on the event loop. */
public final class Blocking {
  private final WorkerExecutor pool;

  public Blocking(WorkerExecutor pool) {
    this.pool = pool;
  }

  /** A {@link Reply} result leaves the worker already serialised: the event loop only writes bytes. */
  @SuppressWarnings("unchecked")
  public <T> Future<T> run(Callable<T> work) {
    return pool.executeBlocking(() -> {
      T result = work.call();
      return result instanceof Reply r ? (T) r.serialized() : result;
    }, false);
  }
}
