package org.masakari.monitor.host.pacemaker;

/**
 * Upstream's normalisation of {@code crmd}: Pacemaker 2.1.7 and later write the epoch time of
 * joining (or 0) instead of online/offline (LP#2127845). Integer > 0 → online, ≤ 0 → offline,
 * any other string unchanged, null stays null.
 */
final class CrmdStatus {
  static final String ONLINE = "online";
  static final String OFFLINE = "offline";

  private CrmdStatus() {}

  static String normalize(String crmd) {
    if (crmd == null) {
      return null;
    }
    try {
      return Long.parseLong(crmd.strip()) > 0 ? ONLINE : OFFLINE;
    } catch (NumberFormatException e) {
      return crmd;
    }
  }
}
