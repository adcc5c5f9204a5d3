package org.masakari.client.notifier;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a daemon exports on /metrics. */
public final class NotifierStats {
  private final AtomicLong attempts = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  void attempt() {
    attempts.incrementAndGet();
  }

  void finished(Outcome o) {
    switch (o) {
      case DELIVERED -> delivered.incrementAndGet();
      case REJECTED -> rejected.incrementAndGet();
      case DROPPED -> dropped.incrementAndGet();
    }
  }

  public long attempts() {
    return attempts.get();
  }

  public long delivered() {
    return delivered.get();
  }

  public long rejected() {
    return rejected.get();
  }

  public long dropped() {
    return dropped.get();
  }
}
