package org.masakari.client.notifier;

import java.time.Duration;

/**
 * How often a failed send is repeated: {@code retryMax} more attempts after the first, each
 * {@code retryInterval} after the previous failure. 400 and 409 are never retried.
 */
public record RetryPolicy(int retryMax, Duration retryInterval) {
  public static final int DEFAULT_RETRY_MAX = 12;
  public static final Duration DEFAULT_RETRY_INTERVAL = Duration.ofSeconds(10);

  public RetryPolicy {
    if (retryMax < 0) {
      throw new IllegalArgumentException("retry_max must be >= 0, was " + retryMax);
    }
    if (retryInterval.isNegative()) {
      throw new IllegalArgumentException("retry_interval must be >= 0, was " + retryInterval);
    }
  }

  public int totalAttempts() {
    return retryMax + 1;
  }
}
