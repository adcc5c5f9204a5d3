package org.masakari.core.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** oslo strutils.bool_from_string(strict=True) for query filters, and the schema's boolean vocabulary. */
public final class BoolParser {
  private static final Set<String> TRUE = Set.of("1", "t", "true", "on", "y", "yes");
  private static final Set<String> FALSE = Set.of("0", "f", "false", "off", "n", "no");
  public static final String ACCEPTABLE =
      "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'";

  private BoolParser() {}

  public static Optional<Boolean> strict(String s) {
    String v = s.strip().toLowerCase(Locale.ROOT);
    if (TRUE.contains(v)) {
      return Optional.of(true);
    }
    if (FALSE.contains(v)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  /** A query filter value; 400 with upstream's text when it is not a boolean word. */
  public static boolean filter(String name, String value) {
    return strict(value).orElseThrow(() -> org.masakari.core.fault.Fault.badRequest(
        "Invalid value for " + name + ": Unrecognized value '" + value + "', acceptable values are: " + ACCEPTABLE));
  }
}
