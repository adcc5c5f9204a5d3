package org.masakari.lb.vrrp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masakari.lb.vrrp.VrrpCodecCaptureTest.ip;

import java.net.Inet4Address;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Pcap;

/** The malformed variants of §6 of the lab reference, built from a real capture, are all rejected. */
class AdvertReceiveCheckTest {
  static final Inet4Address VIP = ip("10.99.0.10");
  final AdvertReceiveCheck v3 = new AdvertReceiveCheck(VrrpVersion.V3, 51, List.of(VIP), 0, "", 100, Set.of());
  final AdvertReceiveCheck v2 = new AdvertReceiveCheck(VrrpVersion.V2, 51, List.of(VIP), 0, "", 100, Set.of());

  byte[] v3Packet() throws Exception {
    return Pcap.vrrpPackets("vrrpv3-advert-1s.pcap").get(0);
  }

  byte[] v2Packet() throws Exception {
    return Pcap.vrrpPackets("vrrpv2-advert-1s.pcap").get(0);
  }

  /** Re-signs the VRRP message after a field change so only the intended check can fail. */
  static byte[] resign(byte[] packet, VrrpVersion version) {
    byte[] msg = java.util.Arrays.copyOfRange(packet, 20, packet.length);
    int c = VrrpCodec.checksum(version, msg, VrrpCodec.ipv4(packet, 12), VrrpCodec.ipv4(packet, 16));
    packet[26] = (byte) (c >> 8);
    packet[27] = (byte) c;
    return packet;
  }

  @Test
  void ttlOneIsInvalid() throws Exception {
    byte[] p = v3Packet();
    p[8] = 1;
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_TTL);
  }

  @Test
  void checksumOffByOneIsInvalid() throws Exception {
    byte[] p = v3Packet();
    p[27]++;
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_CHECKSUM);
  }

  @Test
  void v3ChecksumWithoutPseudoHeaderIsInvalid() throws Exception {
    byte[] p = v3Packet();
    byte[] msg = java.util.Arrays.copyOfRange(p, 20, p.length);
    msg[6] = 0;
    msg[7] = 0;
    int c = InternetChecksum.of(msg, 0, msg.length);
    p[26] = (byte) (c >> 8);
    p[27] = (byte) c;
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_CHECKSUM);
  }

  @Test
  void v2ChecksumWithPseudoHeaderIsInvalid() throws Exception {
    byte[] p = v2Packet();
    resign(p, VrrpVersion.V3);
    assertThat(v2.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_CHECKSUM);
  }

  @Test
  void otherVridIsReportedApart() throws Exception {
    byte[] p = resignAfter(v3Packet(), 21, 52);
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.OTHER_VRID);
  }

  @Test
  void typeTwoIsInvalid() throws Exception {
    byte[] p = resignAfter(v3Packet(), 20, 0x32);
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_TYPE);
  }

  @Test
  void v2PacketOnV3InstanceFailsOnLength() throws Exception {
    byte[] p = v2Packet();
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.BAD_LENGTH);
  }

  @Test
  void wrongVipIsDropped() throws Exception {
    byte[] p = resignAfter(v3Packet(), 31, 99);
    assertThat(v3.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.ADDRESS_MISMATCH);
  }

  @Test
  void addressCountZeroIsRejected() throws Exception {
    byte[] p = resignAfter(v3Packet(), 23, 0);
    assertThat(v3.check(p, p.length).verdict()).isNotEqualTo(ReceiveVerdict.OK);
  }

  @Test
  void v2IntervalMismatchIsDroppedButV3AdoptsIt() throws Exception {
    byte[] p2 = resignAfter(v2Packet(), 25, 2);
    assertThat(v2.check(p2, p2.length).verdict()).isEqualTo(ReceiveVerdict.INTERVAL_MISMATCH);
    byte[] p3 = resignAfter(v3Packet(), 25, 200);
    ReceivedAdvert r = v3.check(p3, p3.length);
    assertThat(r.verdict()).isEqualTo(ReceiveVerdict.OK);
    assertThat(r.advert().advertIntervalCs()).isEqualTo(200);
  }

  @Test
  void wrongPasswordIsDropped() throws Exception {
    AdvertReceiveCheck withAuth = new AdvertReceiveCheck(VrrpVersion.V2, 51, List.of(VIP), 1, "other", 100, Set.of());
    byte[] p = Pcap.vrrpPackets("vrrpv2-auth-pass.pcap").get(0);
    assertThat(withAuth.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.AUTH_MISMATCH);
    byte[] noAuth = v2Packet();
    assertThat(withAuth.check(noAuth, noAuth.length).verdict()).isEqualTo(ReceiveVerdict.AUTH_MISMATCH);
  }

  @Test
  void ownAdvertIsDropped() throws Exception {
    AdvertReceiveCheck own = new AdvertReceiveCheck(VrrpVersion.V3, 51, List.of(VIP), 0, "", 100, Set.of(ip("10.99.0.11")));
    byte[] p = v3Packet();
    assertThat(own.check(p, p.length).verdict()).isEqualTo(ReceiveVerdict.OWN_ADVERT);
  }

  @Test
  void truncatedPacketIsInvalid() throws Exception {
    byte[] p = v3Packet();
    assertThat(v3.check(p, 25).verdict()).isEqualTo(ReceiveVerdict.TRUNCATED);
  }

  private static byte[] resignAfter(byte[] packet, int offset, int value) {
    packet[offset] = (byte) value;
    return resign(packet, ((packet[20] >> 4) & 0xf) == 2 ? VrrpVersion.V2 : VrrpVersion.V3);
  }
}
