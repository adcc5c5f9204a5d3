package org.masakari.engine.tasks;

import java.util.Locale;

/** vmove statuses as upstream writes them ({@code ignored} is never written). */
public enum VMoveStatus {
  PENDING, ONGOING, SUCCEEDED, FAILED, IGNORED;

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static VMoveStatus fromWire(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
