package org.masakari.sim.nova;

/**
 * A compute API microversion {@code 2.N}. The simulator answers 2.1 to 2.93, Nova Zed's range,
 * because real-nova.md was measured on Zed.
 */
public record Microversion(int major, int minor) implements Comparable<Microversion> {
  public static final Microversion MIN = new Microversion(2, 1);
  public static final Microversion MAX = new Microversion(2, 93);

  public static Microversion of(int minor) {
    return new Microversion(2, minor);
  }

  /**
   * The version a request asks for: {@code OpenStack-API-Version: compute 2.53} wins over the legacy
   * {@code X-OpenStack-Nova-API-Version: 2.53}; none means 2.1; {@code latest} means {@link #MAX}.
   *
   * @throws ApiFault 400 for a malformed value, 406 for one outside the range
   */
  public static Microversion negotiate(String openstackHeader, String legacyHeader) {
    String requested = null;
    if (openstackHeader != null) {
      for (String part : openstackHeader.split(",")) {
        String[] words = part.trim().split("\\s+");
        if (words.length == 2 && words[0].equalsIgnoreCase("compute")) {
          requested = words[1];
        }
      }
    }
    if (requested == null) {
      requested = legacyHeader;
    }
    if (requested == null) {
      return MIN;
    }
    if (requested.equalsIgnoreCase("latest")) {
      return MAX;
    }
    Microversion v = parse(requested);
    if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0) {
      throw new ApiFault(406, "Version " + requested + " is not supported by the API. Minimum is " + MIN
          + " and maximum is " + MAX + ".");
    }
    return v;
  }

  private static Microversion parse(String s) {
    String[] parts = s.trim().split("\\.");
    try {
      if (parts.length == 2) {
        return new Microversion(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
      }
    } catch (NumberFormatException e) {
      // falls through to the fault Nova gives for any malformed version
    }
    throw new ApiFault(400, "API Version String " + s + " is of invalid format. Must be of format MajorNum.MinorNum.");
  }

  public boolean atLeast(int minor2) {
    return major > 2 || (major == 2 && minor >= minor2);
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
