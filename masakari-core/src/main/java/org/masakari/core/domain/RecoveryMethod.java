package org.masakari.core.domain;

import java.util.List;

/** Segment recovery methods, spelled as on the wire and in the database. */
public enum RecoveryMethod {
  AUTO("auto"),
  RESERVED_HOST("reserved_host"),
  AUTO_PRIORITY("auto_priority"),
  RH_PRIORITY("rh_priority");

  public static final List<String> WIRE = List.of("auto", "reserved_host", "auto_priority", "rh_priority");

  private final String wire;

  RecoveryMethod(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  public static RecoveryMethod fromWire(String s) {
    for (RecoveryMethod m : values()) {
      if (m.wire.equals(s)) {
        return m;
      }
    }
    throw new IllegalArgumentException("unknown recovery method " + s);
  }
}
