package org.masakari.lb.net;

import java.io.Closeable;
import java.net.Inet4Address;

/**
 * Sends keepalived's gratuitous ARP (§3 of the lab reference): an ARP <em>request</em> from the real
 * NIC MAC, sender and target IP = VIP, target MAC broadcast, 42 bytes, through AF_PACKET. Needs CAP_NET_RAW.
 */
public final class GratuitousArpSender implements Closeable {
  private final LibC libc = LibC.INSTANCE;
  private final int fd;
  private final NetworkInterfaceInfo nic;
  private final byte[] destination;

  public GratuitousArpSender(NetworkInterfaceInfo nic) {
    this.nic = nic;
    this.fd = libc.socket(LibC.AF_PACKET, LibC.SOCK_RAW, Short.toUnsignedInt(Short.reverseBytes((short) LibC.ETH_P_ARP)));
    this.destination = NativeStructs.sockaddrLl(nic.index(), LibC.ETH_P_ARP);
  }

  public void send(Inet4Address vip) {
    byte[] frame = frame(nic.mac(), vip);
    libc.sendto(fd, frame, frame.length, 0, destination, destination.length);
  }

  /** The 42-byte Ethernet frame; public for the byte-exact test against the capture. */
  public static byte[] frame(byte[] mac, Inet4Address vip) {
    byte[] f = new byte[42];
    for (int i = 0; i < 6; i++) {
      f[i] = (byte) 0xff;
      f[32 + i] = (byte) 0xff;
    }
    System.arraycopy(mac, 0, f, 6, 6);
    f[12] = 0x08;
    f[13] = 0x06;
    f[14] = 0x00;
    f[15] = 0x01; // htype Ethernet
    f[16] = 0x08;
    f[17] = 0x00; // ptype IPv4
    f[18] = 6;
    f[19] = 4;
    f[20] = 0;
    f[21] = 1; // request, as keepalived sends
    System.arraycopy(mac, 0, f, 22, 6);
    System.arraycopy(vip.getAddress(), 0, f, 28, 4);
    System.arraycopy(vip.getAddress(), 0, f, 38, 4);
    return f;
  }

  @Override
  public void close() {
    libc.close(fd);
  }
}
