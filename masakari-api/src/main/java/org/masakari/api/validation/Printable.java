package org.masakari.api.validation;

/**
 * Python's notion of a printable character (str.isprintable): not in a C* category (control, format,
 * unassigned, private use, surrogate) and not a Z* separator other than the plain space. Upstream's
 * name rule builds on it.
 */
public final class Printable {
  private Printable() {}

  public static boolean isPrintable(int cp) {
    if (cp == ' ') {
      return true;
    }
    int t = Character.getType(cp);
    return switch (t) {
      case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE, Character.SURROGATE,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }

  /** Upstream's name primitive: every char printable or a space separator (BMP only), ends not spaces. */
  public static boolean isValidName(String s) {
    if (s.isEmpty()) {
      return true; // length is checked by minLength
    }
    int first = s.codePointAt(0);
    int last = s.codePointBefore(s.length());
    if (!edgeOk(first) || !edgeOk(last)) {
      return false;
    }
    return s.codePoints().allMatch(cp -> cp <= 0xFFFE && (isPrintable(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR));
  }

  private static boolean edgeOk(int cp) {
    return cp <= 0xFFFE && isPrintable(cp) && Character.getType(cp) != Character.SPACE_SEPARATOR;
  }

  /** description: printable characters plus newline (tabs and carriage returns rejected). */
  public static boolean isValidDescription(String s) {
    return s.codePoints().allMatch(cp -> cp == '\n' || (cp <= 0xFFFE && (isPrintable(cp)
        || Character.getType(cp) == Character.SPACE_SEPARATOR)));
  }
}
