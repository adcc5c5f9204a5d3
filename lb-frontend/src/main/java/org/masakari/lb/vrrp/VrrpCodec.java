package org.masakari.lb.vrrp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and reads VRRP messages byte for byte like keepalived 2.2.7.
 *
 * <p>Checksums differ per version: v3 (RFC 5798 §5.2.8) sums an IPv4 pseudo-header (src, dst, 0,
 * 112, VRRP length) plus the message; v2 (RFC 3768 §5.3.8) sums the message only, auth data
 * included. keepalived silently drops the other rule, so both are pinned by capture tests.
 */
public final class VrrpCodec {
  public static final int IPPROTO_VRRP = 112;
  public static final int V2_AUTH_LENGTH = 8;
  static final int HEADER_LENGTH = 8;

  private VrrpCodec() {}

  public static int messageLength(VrrpVersion version, int addressCount) {
    return HEADER_LENGTH + 4 * addressCount + (version == VrrpVersion.V2 ? V2_AUTH_LENGTH : 0);
  }

  /** The VRRP message (no IP header) with its checksum; {@code dst} is the real IP destination. */
  public static byte[] encode(VrrpAdvert advert, Inet4Address src, Inet4Address dst) {
    int n = advert.addresses().size();
    byte[] msg = new byte[messageLength(advert.version(), n)];
    msg[0] = (byte) ((advert.version().wireValue() << 4) | VrrpAdvert.TYPE_ADVERTISEMENT);
    msg[1] = (byte) advert.vrid();
    msg[2] = (byte) advert.priority();
    msg[3] = (byte) n;
    if (advert.version() == VrrpVersion.V3) {
      // 4 reserved bits are zero; 12 bits Max Adver Int in centiseconds
      msg[4] = (byte) ((advert.advertIntervalCs() >> 8) & 0x0f);
      msg[5] = (byte) advert.advertIntervalCs();
    } else {
      msg[4] = (byte) advert.authType();
      msg[5] = (byte) (advert.advertIntervalCs() / 100);
    }
    for (int i = 0; i < n; i++) {
      System.arraycopy(advert.addresses().get(i).getAddress(), 0, msg, HEADER_LENGTH + 4 * i, 4);
    }
    if (advert.version() == VrrpVersion.V2 && advert.authType() == VrrpAdvert.AUTH_SIMPLE_PASSWORD) {
      byte[] pass = advert.authPassword().getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(pass, 0, msg, HEADER_LENGTH + 4 * n, pass.length);
    }
    int checksum = checksum(advert.version(), msg, src, dst);
    msg[6] = (byte) (checksum >> 8);
    msg[7] = (byte) checksum;
    return msg;
  }

  /** Checksum of {@code msg} computed with its checksum field taken as zero. */
  public static int checksum(VrrpVersion version, byte[] msg, Inet4Address src, Inet4Address dst) {
    byte[] copy = msg.clone();
    copy[6] = 0;
    copy[7] = 0;
    long sum = 0;
    if (version == VrrpVersion.V3) {
      byte[] pseudo = new byte[12];
      System.arraycopy(src.getAddress(), 0, pseudo, 0, 4);
      System.arraycopy(dst.getAddress(), 0, pseudo, 4, 4);
      pseudo[9] = (byte) IPPROTO_VRRP;
      pseudo[10] = (byte) (copy.length >> 8);
      pseudo[11] = (byte) copy.length;
      sum = InternetChecksum.add(sum, pseudo, 0, pseudo.length);
    }
    return InternetChecksum.finish(InternetChecksum.add(sum, copy, 0, copy.length));
  }

  /** Reads the fields of a VRRP message that is already known to be long enough for its count. */
  static VrrpAdvert decodeFields(VrrpVersion version, byte[] msg) {
    int n = msg[3] & 0xff;
    int intervalCs = version == VrrpVersion.V3 ? ((msg[4] & 0x0f) << 8) | (msg[5] & 0xff) : (msg[5] & 0xff) * 100;
    int authType = version == VrrpVersion.V2 ? msg[4] & 0xff : 0;
    List<Inet4Address> addresses = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      addresses.add(ipv4(msg, HEADER_LENGTH + 4 * i));
    }
    String password = "";
    if (version == VrrpVersion.V2 && authType == VrrpAdvert.AUTH_SIMPLE_PASSWORD) {
      int start = HEADER_LENGTH + 4 * n;
      int end = start;
      while (end < start + V2_AUTH_LENGTH && msg[end] != 0) {
        end++;
      }
      password = new String(msg, start, end - start, StandardCharsets.US_ASCII);
    }
    return new VrrpAdvert(version, msg[1] & 0xff, msg[2] & 0xff, intervalCs, authType, password, addresses);
  }

  static Inet4Address ipv4(byte[] data, int offset) {
    try {
      return (Inet4Address) InetAddress.getByAddress(new byte[] {data[offset], data[offset + 1], data[offset + 2], data[offset + 3]});
    } catch (UnknownHostException e) {
      throw new IllegalStateException("4 bytes are always an IPv4 address", e);
    }
  }
}
