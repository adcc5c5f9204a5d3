package org.masakari.lb.balancer;

import io.netty.channel.EventLoop;
import io.vertx.core.Context;
import java.util.concurrent.TimeUnit;

/**
 * The event loop a request lives on, as {@link Backend}'s maxconn queue needs it: hand a freed
 * server slot back to that loop, and time the wait out there. Adapts both Vert.x contexts (TCP and
 * TLS frontends) and plain Netty event loops (the HTTP fast path).
 */
public interface LoopExecutor {
  void execute(Runnable task);

  /** Runs {@code task} after {@code millis} on this loop; the returned action cancels it. */
  Runnable schedule(long millis, Runnable task);

  static LoopExecutor of(Context context) {
    return new LoopExecutor() {
      @Override
      public void execute(Runnable task) {
        context.runOnContext(v -> task.run());
      }

      @Override
      public Runnable schedule(long millis, Runnable task) {
        long id = context.owner().setTimer(millis, t -> task.run());
        return () -> context.owner().cancelTimer(id);
      }
    };
  }

  static LoopExecutor of(EventLoop loop) {
    return new LoopExecutor() {
      @Override
      public void execute(Runnable task) {
        loop.execute(task);
      }

      @Override
      public Runnable schedule(long millis, Runnable task) {
        var f = loop.schedule(task, millis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
      }
    };
  }
}
