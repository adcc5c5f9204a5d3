package org.masakari.monitor.instance;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A pause that ends early when the daemon is asked to stop, so SIGTERM never waits out a timer. */
final class StopSignal {
  private final CountDownLatch latch = new CountDownLatch(1);

  void stop() {
    latch.countDown();
  }

  boolean isStopped() {
    return latch.getCount() == 0;
  }

  /** Waits up to {@code d}; returns true if a stop was requested (before or during the wait). */
  boolean await(Duration d) {
    try {
      return latch.await(d.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }
}
