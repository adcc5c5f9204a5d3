package org.masakari.lb.vrrp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masakari.lb.testsupport.Pcap;

/** Every VRRP packet of every capture decodes, passes the check, and re-encodes to the same bytes. */
class VrrpCodecCaptureTest {
  static final Inet4Address VIP = ip("10.99.0.10");

  @ParameterizedTest
  @CsvSource({
      "vrrpv3-advert-1s.pcap, 3, 100, , 4",
      "vrrpv3-advert-100ms.pcap, 3, 10, , 5",
      "vrrpv2-advert-1s.pcap, 2, 100, , 4",
      "vrrpv2-auth-pass.pcap, 2, 100, s3cr3t, 4",
      "vrrpv3-failover-term.pcap, 3, 100, , 3",
      "vrrpv2-failover-term.pcap, 2, 100, , 3",
      "speaker-v3-advert.pcap, 3, 100, , 2",
      "speaker-v2-advert.pcap, 2, 100, , 2"})
  void decodeCheckAndReencodeByteForByte(String file, int version, int intervalCs, String password, int minPackets)
      throws Exception {
    VrrpVersion v = VrrpVersion.of(version);
    String pass = password == null ? "" : password;
    AdvertReceiveCheck check = new AdvertReceiveCheck(v, 51, List.of(VIP),
        pass.isEmpty() ? VrrpAdvert.AUTH_NONE : VrrpAdvert.AUTH_SIMPLE_PASSWORD, pass, intervalCs, Set.of());
    List<byte[]> packets = Pcap.vrrpPackets(file);
    assertThat(packets).hasSizeGreaterThanOrEqualTo(minPackets);
    for (byte[] packet : packets) {
      ReceivedAdvert received = check.check(packet, packet.length);
      assertThat(received.verdict()).as(file + " " + received.detail()).isEqualTo(ReceiveVerdict.OK);
      assertThat(received.ttl()).isEqualTo(255);
      byte[] encoded = VrrpCodec.encode(received.advert(), received.source(), VrrpCodec.ipv4(packet, 16));
      byte[] onWire = Arrays.copyOfRange(packet, 20, packet.length);
      assertThat(encoded).as(file).isEqualTo(onWire);
    }
  }

  @Test
  void v3AdvertFromTheLabReferenceHasChecksum42fd() {
    VrrpAdvert advert = new VrrpAdvert(VrrpVersion.V3, 51, 150, 100, 0, "", List.of(VIP));
    byte[] msg = VrrpCodec.encode(advert, ip("10.99.0.11"), ip("224.0.0.18"));
    assertThat(hex(msg)).isEqualTo("3133960100" + "6442fd0a63000a");
  }

  @Test
  void v3PriorityZeroAdvertMatchesCapture() {
    VrrpAdvert advert = new VrrpAdvert(VrrpVersion.V3, 51, 0, 100, 0, "", List.of(VIP));
    assertThat(hex(VrrpCodec.encode(advert, ip("10.99.0.11"), ip("224.0.0.18")))).isEqualTo("313300010064d8fd0a63000a");
  }

  @Test
  void v2ChecksumCoversAuthDataAndNoPseudoHeader() {
    VrrpAdvert none = new VrrpAdvert(VrrpVersion.V2, 51, 150, 100, 0, "", List.of(VIP));
    VrrpAdvert pass = new VrrpAdvert(VrrpVersion.V2, 51, 150, 100, 1, "s3cr3t", List.of(VIP));
    byte[] a = VrrpCodec.encode(none, ip("10.99.0.11"), ip("224.0.0.18"));
    byte[] b = VrrpCodec.encode(pass, ip("10.99.0.11"), ip("224.0.0.18"));
    assertThat(hex(a)).isEqualTo("2133960100013e5d0a63000a0000000000000000");
    assertThat(hex(b)).isEqualTo("21339601" + "0101" + "3343" + "0a63000a" + "7333637233740000");
  }

  static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02x", x));
    }
    return sb.toString();
  }

  static Inet4Address ip(String s) {
    try {
      return (Inet4Address) InetAddress.getByName(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(s, e);
    }
  }
}
