package org.masakari.api.resources;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;

/** Runs database and Nova calls on the named worker pool, never on the event loop. */
public final class Blocking {
  private final WorkerExecutor pool;

  public Blocking(WorkerExecutor pool) {
    this.pool = pool;
  }

  public <T> Future<T> run(Callable<T> work) {
    return pool.executeBlocking(work, false);
  }
}
