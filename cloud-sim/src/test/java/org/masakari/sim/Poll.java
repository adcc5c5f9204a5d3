package org.masakari.sim;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling for tests: at most {@code timeout}, a pause between tries so the simulator is not hammered. */
final class Poll {
  private static final Duration PAUSE = Duration.ofMillis(20);

  private Poll() {}

  /** True when the condition held before the timeout. */
  static boolean until(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(PAUSE.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }
}
