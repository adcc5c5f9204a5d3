package org.masakari.core.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** oslo's is_uuid_like: 32 hex digits, hyphens/braces/"urn:uuid:" and case tolerated. */
public final class Uuids {
  private Uuids() {}

  /** The canonical lower-case form, or empty when the string is not uuid-like. */
  public static Optional<String> canonical(String s) {
    if (s == null) {
      return Optional.empty();
    }
    String t = s.toLowerCase(Locale.ROOT).replace("urn:", "").replace("uuid:", "")
        .replace("{", "").replace("}", "").replace("-", "");
    if (t.length() != 32) {
      return Optional.empty();
    }
    for (int i = 0; i < 32; i++) {
      char c = t.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return Optional.empty();
      }
    }
    String d = t.substring(0, 8) + "-" + t.substring(8, 12) + "-" + t.substring(12, 16) + "-"
        + t.substring(16, 20) + "-" + t.substring(20);
    return Optional.of(d);
  }

  public static boolean isUuidLike(String s) {
    return canonical(s).isPresent();
  }

  public static String random() {
    return UUID.randomUUID().toString();
  }
}
