package org.masakari.api.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.masakari.core.fault.Fault;

/**
 * API microversion from {@code OpenStack-API-Version: instance-ha X.Y} (the only header read; the last
 * instance-ha entry of a comma-separated list wins). Absent means 1.0, {@code latest} the maximum.
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
  public static final Microversion MIN = new Microversion(1, 0);
  public static final Microversion V1_1 = new Microversion(1, 1);
  public static final Microversion V1_2 = new Microversion(1, 2);
  public static final Microversion V1_4 = new Microversion(1, 4);
  private static final Pattern FORMAT = Pattern.compile("^([1-9]\\d*)\\.([1-9]\\d*|0)$");
  public static final String HEADER = "OpenStack-API-Version";
  public static final String SERVICE = "instance-ha";

  public static Microversion of(String s) {
    Matcher m = FORMAT.matcher(s);
    if (!m.matches()) {
      throw new IllegalArgumentException(s);
    }
    return new Microversion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** Fault thrown for a bad header; carries the version to echo in the 406 response header. */
  public static final class VersionFault extends Fault {
    private final String echoed;

    VersionFault(int status, String message, String echoed) {
      super(status, message);
      this.echoed = echoed;
    }

    public String echoed() {
      return echoed;
    }
  }

  public static Microversion negotiate(java.util.List<String> headerValues, Microversion max) {
    String requested = null;
    for (String header : headerValues) {
      for (String part : header.split(",")) {
        String[] kv = part.strip().split("\\s+", 2);
        if (kv.length == 2 && kv[0].toLowerCase(Locale.ROOT).equals(SERVICE)) {
          requested = kv[1].strip();
        }
      }
    }
    if (requested == null) {
      return MIN;
    }
    if (requested.equalsIgnoreCase("latest")) {
      return max;
    }
    Microversion v;
    try {
      v = of(requested);
    } catch (IllegalArgumentException e) {
      throw new VersionFault(400, "API Version String " + requested
          + " is of invalid format. Must be of format MajorNum.MinorNum.", null);
    }
    if (v.compareTo(MIN) < 0 || v.compareTo(max) > 0) {
      throw new VersionFault(406, "Version " + requested + " is not supported by the API. Minimum is "
          + MIN + " and maximum is " + max + ".", v.toString());
    }
    return v;
  }

  public boolean atLeast(Microversion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(Microversion o) {
    return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
  }

  @Override
  public String toString() {
    return major + "." + minor;
  }
}
