package org.masakari.lb.balancer;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lock-free latency histogram with power-of-two microsecond buckets (1 µs .. ~1 h): cheap enough to
 * record on every proxied request; percentiles are bucket upper bounds (at most 2x off, as documented).
 */
public final class LatencyHistogram {
  private static final int BUCKETS = 32;
  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

  public void record(long nanos) {
    long micros = Math.max(1, nanos / 1000);
    int bucket = Math.min(BUCKETS - 1, 63 - Long.numberOfLeadingZeros(micros));
    counts.incrementAndGet(bucket);
  }

  /** Upper bound in microseconds of the bucket holding quantile {@code q} (0..1); 0 if empty. */
  public long percentileMicros(double q) {
    long total = 0;
    long[] snapshot = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      snapshot[i] = counts.get(i);
      total += snapshot[i];
    }
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += snapshot[i];
      if (seen >= rank) {
        return 1L << (i + 1);
      }
    }
    return 1L << BUCKETS;
  }
}
