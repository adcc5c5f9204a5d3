package org.masakari.sim.web;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp shapes OpenStack services put on the wire (all UTC). */
public final class Times {
  private static final DateTimeFormatter SECONDS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS_Z =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Times() {}

  /** Server {@code created}/{@code updated}: {@code 2017-02-14T19:23:58Z}. */
  public static String seconds(Instant t) {
    return t == null ? null : SECONDS_Z.format(t);
  }

  /** Nova DB timestamps (services, actions, migrations): {@code 2012-10-29T13:42:02.000000}. */
  public static String micros(Instant t) {
    return t == null ? null : MICROS.format(t);
  }

  /** Keystone token times: {@code 2015-11-05T22:00:11.000000Z}. */
  public static String keystone(Instant t) {
    return t == null ? null : MICROS_Z.format(t);
  }
}
