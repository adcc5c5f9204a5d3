package org.masakari.lb.vrrp;

/**
 * Outcome of the receive checks of RFC 5798 §7.1 / RFC 3768 §7.1, in keepalived's order. Only
 * {@link #OK} is ever given to the state machine; every other verdict is counted and logged with its
 * reason, and never re-arms a timer (a malformed advert must not keep a dead MASTER alive).
 */
public enum ReceiveVerdict {
  OK(Kind.ACCEPT, "accepted"),
  OTHER_VRID(Kind.OTHER_VRID, "advert for another virtual router"),
  TRUNCATED(Kind.INVALID, "packet shorter than its headers"),
  NOT_VRRP(Kind.INVALID, "IP protocol is not 112"),
  BAD_TTL(Kind.INVALID, "IP TTL is not 255"),
  BAD_LENGTH(Kind.INVALID, "VRRP length does not match version and address count"),
  BAD_VERSION(Kind.INVALID, "VRRP version differs from the configured one"),
  BAD_TYPE(Kind.INVALID, "VRRP type is not ADVERTISEMENT"),
  BAD_CHECKSUM(Kind.INVALID, "VRRP checksum is wrong for this version"),
  ADDRESS_COUNT_MISMATCH(Kind.DROP, "address count differs from the configured virtual_ipaddress"),
  ADDRESS_MISMATCH(Kind.DROP, "a configured virtual_ipaddress is missing from the advert"),
  AUTH_MISMATCH(Kind.DROP, "v2 authentication type or password differs"),
  INTERVAL_MISMATCH(Kind.DROP, "v2 advert_int differs from the configured one"),
  OWN_ADVERT(Kind.DROP, "advert sent by this node");

  /** INVALID: malformed on the wire; DROP: well-formed but not for this configuration. */
  public enum Kind { ACCEPT, OTHER_VRID, INVALID, DROP }

  private final Kind kind;
  private final String reason;

  ReceiveVerdict(Kind kind, String reason) {
    this.kind = kind;
    this.reason = reason;
  }

  public Kind kind() {
    return kind;
  }

  public String reason() {
    return reason;
  }
}
