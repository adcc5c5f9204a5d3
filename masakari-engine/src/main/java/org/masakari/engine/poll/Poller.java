package org.masakari.engine.poll;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Every "wait until X within T" of the engine. Polls at once, then after {@code initialInterval},
 * doubling up to {@code maxInterval} (upstream's {@code verify_interval}): a fast Nova is noticed within
 * a fraction of a second, a slow one is not hammered. Bounded in time by {@code timeout} and therefore
 * in count. The probe may throw to fail fast (e.g. the server went to ERROR).
 */
public final class Poller {
  private final Waiter waiter;
  private final Duration initialInterval;

  public Poller(Waiter waiter, Duration initialInterval) {
    this.waiter = waiter;
    this.initialInterval = initialInterval;
  }

  /**
   * @return the first probed value that satisfies {@code done}
   * @throws PollTimeout when {@code timeout} passes first; the message starts with {@code what}
   */
  public <T> T until(String what, Supplier<T> probe, Predicate<T> done, Duration timeout, Duration maxInterval) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration pause = initialInterval.compareTo(maxInterval) > 0 ? maxInterval : initialInterval;
    while (true) {
      T v = probe.get();
      if (done.test(v)) {
        return v;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new PollTimeout(what + ": not reached within " + timeout.toMillis() / 1000.0 + " s");
      }
      waiter.pause(Duration.ofNanos(Math.min(pause.toNanos(), left)));
      Duration next = pause.multipliedBy(2);
      pause = next.compareTo(maxInterval) > 0 ? maxInterval : next;
    }
  }

  /** A fixed wait (upstream's sleep after disabling a compute when force-down is off). */
  public void fixed(Duration d) {
    if (!d.isZero() && !d.isNegative()) {
      waiter.pause(d);
    }
  }
}
