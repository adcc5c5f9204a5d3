package org.masakari.lb.vrrp;

import java.net.Inet4Address;
import java.util.List;

/**
 * One VRRP ADVERTISEMENT as it travels on the wire (RFC 5798 §5.2, RFC 3768 §5.3).
 *
 * @param advertIntervalCs Max Adver Int in centiseconds; a v2 advert carries whole seconds, so a v2
 *     value is always a multiple of 100
 * @param authType v2 only: 0 none, 1 simple text password (keepalived's {@code auth_type PASS}); 0 in v3
 * @param authPassword v2 simple password, at most 8 bytes; empty without auth
 */
public record VrrpAdvert(
    VrrpVersion version,
    int vrid,
    int priority,
    int advertIntervalCs,
    int authType,
    String authPassword,
    List<Inet4Address> addresses) {

  public static final int TYPE_ADVERTISEMENT = 1;
  public static final int AUTH_NONE = 0;
  public static final int AUTH_SIMPLE_PASSWORD = 1;

  public VrrpAdvert {
    addresses = List.copyOf(addresses);
    authPassword = authPassword == null ? "" : authPassword;
    if (vrid < 1 || vrid > 255) {
      throw new IllegalArgumentException("virtual_router_id: must be 1..255, got " + vrid);
    }
    if (priority < 0 || priority > 255) {
      throw new IllegalArgumentException("priority: must be 0..255, got " + priority);
    }
    if (addresses.isEmpty() || addresses.size() > 255) {
      throw new IllegalArgumentException("virtual_ipaddress: 1..255 addresses, got " + addresses.size());
    }
    if (version == VrrpVersion.V3 && (advertIntervalCs < 1 || advertIntervalCs > 4095)) {
      throw new IllegalArgumentException("advert_int: v3 allows 0.01..40.95 s, got " + advertIntervalCs + " cs");
    }
    if (version == VrrpVersion.V2 && (advertIntervalCs % 100 != 0 || advertIntervalCs < 100 || advertIntervalCs > 25500)) {
      throw new IllegalArgumentException("advert_int: v2 allows whole seconds 1..255, got " + advertIntervalCs + " cs");
    }
    if (authPassword.getBytes(java.nio.charset.StandardCharsets.US_ASCII).length > 8) {
      throw new IllegalArgumentException("auth_pass: at most 8 characters");
    }
  }

  public VrrpAdvert withPriority(int newPriority) {
    return new VrrpAdvert(version, vrid, newPriority, advertIntervalCs, authType, authPassword, addresses);
  }
}
