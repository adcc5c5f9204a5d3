package org.masakari.lb.vrrp;

/** VRRP protocol version on the wire: RFC 3768 (v2) or RFC 5798 (v3). */
public enum VrrpVersion {
  V2(2),
  V3(3);

  private final int wireValue;

  VrrpVersion(int wireValue) {
    this.wireValue = wireValue;
  }

  public int wireValue() {
    return wireValue;
  }

  public static VrrpVersion of(int wireValue) {
    for (VrrpVersion v : values()) {
      if (v.wireValue == wireValue) {
        return v;
      }
    }
    throw new IllegalArgumentException("version: must be 2 or 3, got " + wireValue);
  }
}
