package org.masakari.core.domain;

import java.util.EnumSet;
import java.util.Set;

/** The notification state machine of upstream (contract §4.1). */
public enum NotificationStatus {
  NEW, RUNNING, ERROR, FAILED, IGNORED, FINISHED;

  /** Statuses that make the host's segment "under recovery". */
  public static final Set<NotificationStatus> OPEN = EnumSet.of(NEW, RUNNING, ERROR);
  /** Terminal statuses; only these are purged. */
  public static final Set<NotificationStatus> TERMINAL = EnumSet.of(FINISHED, FAILED, IGNORED);

  private static final NotificationStatus[] ALL = values();
  private final String wire = name().toLowerCase(java.util.Locale.ROOT);

  public String wire() {
    return wire;
  }

  public static NotificationStatus fromWire(String s) {
    // the database's spelling first: one comparison per row of a long list instead of a case conversion
    for (NotificationStatus v : ALL) {
      if (v.wire.equals(s)) {
        return v;
      }
    }
    return valueOf(s.toUpperCase(java.util.Locale.ROOT));
  }
}
