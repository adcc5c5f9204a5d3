package org.masakari.sim.control;

import java.time.Duration;

/**
 * What to do to one kind of call: delay it, and fail a share of them with an HTTP status.
 *
 * @param latency added before the call is handled (never blocks a thread: a timer)
 * @param errorRate 0.0 to 1.0, the share of calls answered with {@code errorStatus}
 * @param errorStatus the status of an injected failure (Nova's fault body for it)
 */
public record CallFault(Duration latency, double errorRate, int errorStatus) {
  public static final CallFault NONE = new CallFault(Duration.ZERO, 0.0, 500);

  public CallFault {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative, got " + latency);
    }
    if (errorRate < 0.0 || errorRate > 1.0) {
      throw new IllegalArgumentException("error_rate must be between 0 and 1, got " + errorRate);
    }
    if (errorStatus < 400 || errorStatus > 599) {
      throw new IllegalArgumentException("error_status must be a 4xx or 5xx status, got " + errorStatus);
    }
  }
}
