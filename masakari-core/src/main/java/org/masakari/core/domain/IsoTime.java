package org.masakari.core.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO 8601 as oslo's parse_isotime (the iso8601 library) accepts it: extended or basic format, 'T'
 * or space, optional seconds and fraction, 'Z' or ±hh[:mm], or a date alone. No zone means UTC.
 * Results are naive UTC, as upstream stores them.
 */
public final class IsoTime {
  private static final Pattern EXTENDED = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})(?:[T ](\\d{2})(?::(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final Pattern BASIC = Pattern.compile(
      "(\\d{4})(\\d{2})(\\d{2})(?:T(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:[.,](\\d+))?)?)?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");
  private static final DateTimeFormatter WIRE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter DETAIL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private IsoTime() {}

  public static Optional<LocalDateTime> parse(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String t = s.strip();
    Matcher m = EXTENDED.matcher(t);
    if (!m.matches()) {
      m = BASIC.matcher(t);
      if (!m.matches()) {
        return Optional.empty();
      }
    }
    try {
      LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
      int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
      int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
      int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
      int nanos = 0;
      if (m.group(7) != null) {
        String frac = (m.group(7) + "000000000").substring(0, 9);
        nanos = Integer.parseInt(frac);
        nanos = nanos / 1000 * 1000; // microsecond precision, as Python datetimes
      }
      LocalDateTime local = LocalDateTime.of(date, LocalTime.of(hour, minute, second, nanos));
      ZoneOffset zone = ZoneOffset.UTC;
      String z = m.group(8);
      if (z != null && !z.equals("Z")) {
        String digits = z.replace(":", "");
        int h = Integer.parseInt(digits.substring(1, 3));
        int mm = digits.length() > 3 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        zone = ZoneOffset.ofHoursMinutes(sign * h, sign * mm);
      }
      return Optional.of(local.atOffset(zone).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Upstream's resource datetime format: naive UTC, always six fraction digits. */
  public static String wire(LocalDateTime t) {
    if (t == null) {
      return null;
    }
    byte[] b = wireBytes(t);
    return b == null ? WIRE.format(t) : new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  /**
   * {@link #wire} as its 26 ASCII bytes, for writers that put them on the wire as they are; null for a
   * year outside 1..9999 (use {@link #wire}).
   */
  public static byte[] wireBytes(LocalDateTime t) {
    int year = t.getYear();
    if (year < 1 || year > 9999) {
      return null;
    }
    // by hand: DateTimeFormatter is the hottest part of rendering a long list
    byte[] b = new byte[26];
    digits(b, 0, year, 4);
    b[4] = '-';
    digits(b, 5, t.getMonthValue(), 2);
    b[7] = '-';
    digits(b, 8, t.getDayOfMonth(), 2);
    b[10] = 'T';
    digits(b, 11, t.getHour(), 2);
    b[13] = ':';
    digits(b, 14, t.getMinute(), 2);
    b[16] = ':';
    digits(b, 17, t.getSecond(), 2);
    b[19] = '.';
    digits(b, 20, t.getNano() / 1000, 6);
    return b;
  }

  private static void digits(byte[] b, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      b[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
  }

  /** The progress_details timestamp format (space separator). */
  public static String detail(LocalDateTime t) {
    return t == null ? null : DETAIL.format(t);
  }

  public static LocalDateTime nowMicros() {
    return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
