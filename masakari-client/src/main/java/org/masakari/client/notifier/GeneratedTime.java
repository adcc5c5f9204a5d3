package org.masakari.client.notifier;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * {@code generated_time} exactly as upstream writes it: Python's {@code isoformat()} of a naive UTC
 * datetime, {@code YYYY-MM-DDTHH:MM:SS.ffffff}, no zone, and no fraction at all when the
 * microseconds are zero.
 */
public final class GeneratedTime {
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

  private GeneratedTime() {}

  /** Now in UTC, truncated to microseconds as Python's datetime is. */
  public static LocalDateTime now(Clock clock) {
    return LocalDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
  }

  public static String format(LocalDateTime utc) {
    String s = SECONDS.format(utc);
    int micros = utc.getNano() / 1000;
    return micros == 0 ? s : s + String.format(".%06d", micros);
  }
}
