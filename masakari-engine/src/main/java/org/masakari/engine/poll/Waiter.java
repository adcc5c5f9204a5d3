package org.masakari.engine.poll;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The only place the engine pauses. A pause ends early when the engine stops, so shutdown never waits
 * for a 180 s timeout; the caller then gets {@link EngineStopping} and leaves its claim for a peer (or
 * the restart) to resume.
 */
public final class Waiter {
  private final CountDownLatch stopped = new CountDownLatch(1);

  /** Pauses for {@code d}; throws {@link EngineStopping} when the engine stops meanwhile. */
  public void pause(Duration d) {
    try {
      if (stopped.await(d.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new EngineStopping();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EngineStopping();
    }
  }

  public boolean isStopped() {
    return stopped.getCount() == 0;
  }

  /** Wakes every pause; called once on engine shutdown. */
  public void stop() {
    stopped.countDown();
  }

  /** The engine is shutting down; the work in hand is abandoned, not failed. */
  public static final class EngineStopping extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineStopping() {
      super("engine is stopping");
    }
  }
}
