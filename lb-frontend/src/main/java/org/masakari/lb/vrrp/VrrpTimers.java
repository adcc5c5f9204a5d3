package org.masakari.lb.vrrp;

import java.util.concurrent.TimeUnit;

/** The timer formulas of RFC 5798 §6.1 (v3) and RFC 3768 §6.1 (v2), in nanoseconds. */
public final class VrrpTimers {
  private static final long CENTISECOND_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private VrrpTimers() {}

  /** Skew_Time: v3 ((256 − Priority) · Master_Adver_Interval) / 256; v2 (256 − Priority) / 256 s. */
  public static long skewTimeNanos(VrrpVersion version, int priority, int masterAdverIntervalCs) {
    long base = version == VrrpVersion.V3 ? masterAdverIntervalCs * CENTISECOND_NANOS : TimeUnit.SECONDS.toNanos(1);
    return (256L - priority) * base / 256;
  }

  /** Master_Down_Interval = 3 · Master_Adver_Interval + Skew_Time. */
  public static long masterDownIntervalNanos(VrrpVersion version, int priority, int masterAdverIntervalCs) {
    return 3 * masterAdverIntervalCs * CENTISECOND_NANOS + skewTimeNanos(version, priority, masterAdverIntervalCs);
  }

  public static long intervalNanos(int centiseconds) {
    return centiseconds * CENTISECOND_NANOS;
  }
}
