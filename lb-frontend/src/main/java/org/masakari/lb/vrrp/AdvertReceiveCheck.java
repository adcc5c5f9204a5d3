package org.masakari.lb.vrrp;

import java.net.Inet4Address;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates a raw IPv4 packet (header included, as a raw socket returns it) against one VRRP
 * instance's configuration. Pure: no I/O, no clock, so the capture vectors drive it directly.
 */
public final class AdvertReceiveCheck {
  private static final int TTL_REQUIRED = 255;

  private final VrrpVersion version;
  private final int vrid;
  private final Set<Inet4Address> virtualAddresses;
  private final int authType;
  private final String authPassword;
  private final int advertIntervalCs;
  private final Set<Inet4Address> ownAddresses;

  public AdvertReceiveCheck(VrrpVersion version, int vrid, List<Inet4Address> virtualAddresses, int authType,
      String authPassword, int advertIntervalCs, Set<Inet4Address> ownAddresses) {
    this.version = version;
    this.vrid = vrid;
    this.virtualAddresses = Set.copyOf(virtualAddresses);
    this.authType = authType;
    this.authPassword = authPassword == null ? "" : authPassword;
    this.advertIntervalCs = advertIntervalCs;
    this.ownAddresses = Set.copyOf(ownAddresses);
  }

  public ReceivedAdvert check(byte[] packet, int length) {
    if (length < 20 || (packet[0] >> 4) != 4) {
      return reject(ReceiveVerdict.TRUNCATED, null, 0, "length " + length);
    }
    int ihl = (packet[0] & 0x0f) * 4;
    int ipTotal = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
    int ttl = packet[8] & 0xff;
    int protocol = packet[9] & 0xff;
    Inet4Address src = VrrpCodec.ipv4(packet, 12);
    Inet4Address dst = VrrpCodec.ipv4(packet, 16);
    if (ihl < 20 || length < ihl + VrrpCodec.HEADER_LENGTH || ipTotal > length) {
      return reject(ReceiveVerdict.TRUNCATED, src, ttl, "length " + length + " ihl " + ihl + " ip_len " + ipTotal);
    }
    if (protocol != VrrpCodec.IPPROTO_VRRP) {
      return reject(ReceiveVerdict.NOT_VRRP, src, ttl, "protocol " + protocol);
    }
    if (ttl != TTL_REQUIRED) {
      return reject(ReceiveVerdict.BAD_TTL, src, ttl, "ttl " + ttl);
    }
    byte[] msg = new byte[ipTotal - ihl];
    System.arraycopy(packet, ihl, msg, 0, msg.length);
    int count = msg[3] & 0xff;
    if (msg.length != VrrpCodec.messageLength(version, count)) {
      // a v2 packet read by a v3 instance (or the reverse) fails here first, as in keepalived
      return reject(ReceiveVerdict.BAD_LENGTH, src, ttl,
          "length " + msg.length + ", expected " + VrrpCodec.messageLength(version, count));
    }
    int wireVersion = (msg[0] >> 4) & 0x0f;
    if (wireVersion != version.wireValue()) {
      return reject(ReceiveVerdict.BAD_VERSION, src, ttl, "version " + wireVersion);
    }
    if ((msg[0] & 0x0f) != VrrpAdvert.TYPE_ADVERTISEMENT) {
      return reject(ReceiveVerdict.BAD_TYPE, src, ttl, "type " + (msg[0] & 0x0f));
    }
    if ((msg[1] & 0xff) != vrid) {
      return reject(ReceiveVerdict.OTHER_VRID, src, ttl, "vrid " + (msg[1] & 0xff));
    }
    int wireChecksum = ((msg[6] & 0xff) << 8) | (msg[7] & 0xff);
    int expected = VrrpCodec.checksum(version, msg, src, dst);
    if (wireChecksum != expected) {
      return reject(ReceiveVerdict.BAD_CHECKSUM, src, ttl,
          String.format("checksum 0x%04x, expected 0x%04x", wireChecksum, expected));
    }
    VrrpAdvert advert;
    try {
      advert = VrrpCodec.decodeFields(version, msg);
    } catch (IllegalArgumentException e) {
      // e.g. count 0 or interval 0: well-formed bytes that no valid router sends
      return reject(count != virtualAddresses.size() ? ReceiveVerdict.ADDRESS_COUNT_MISMATCH : ReceiveVerdict.BAD_LENGTH,
          src, ttl, e.getMessage());
    }
    if (ownAddresses.contains(src)) {
      return new ReceivedAdvert(ReceiveVerdict.OWN_ADVERT, src, ttl, advert, "source " + src.getHostAddress());
    }
    if (count != virtualAddresses.size()) {
      return new ReceivedAdvert(ReceiveVerdict.ADDRESS_COUNT_MISMATCH, src, ttl, advert,
          "count " + count + ", expected " + virtualAddresses.size());
    }
    if (!new HashSet<>(advert.addresses()).equals(virtualAddresses)) {
      return new ReceivedAdvert(ReceiveVerdict.ADDRESS_MISMATCH, src, ttl, advert, "addresses " + advert.addresses());
    }
    if (version == VrrpVersion.V2) {
      if (advert.authType() != authType || !advert.authPassword().equals(authPassword)) {
        return new ReceivedAdvert(ReceiveVerdict.AUTH_MISMATCH, src, ttl, advert, "auth type " + advert.authType());
      }
      if (advert.advertIntervalCs() != advertIntervalCs) {
        return new ReceivedAdvert(ReceiveVerdict.INTERVAL_MISMATCH, src, ttl, advert,
            "advert_int " + advert.advertIntervalCs() / 100 + " s, mine " + advertIntervalCs / 100 + " s");
      }
    }
    return new ReceivedAdvert(ReceiveVerdict.OK, src, ttl, advert, "");
  }

  private static ReceivedAdvert reject(ReceiveVerdict verdict, Inet4Address src, int ttl, String detail) {
    return new ReceivedAdvert(verdict, src, ttl, null, detail);
  }
}
