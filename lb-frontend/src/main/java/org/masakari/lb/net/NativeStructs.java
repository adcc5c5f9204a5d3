package org.masakari.lb.net;

import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Byte layouts of the C structs we pass; families and indexes are host order, addresses network order. */
final class NativeStructs {
  private NativeStructs() {}

  static byte[] sockaddrIn(Inet4Address address) {
    ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
    b.putShort((short) LibC.AF_INET);
    b.putShort((short) 0);
    b.put(address.getAddress());
    return b.array();
  }

  /** struct ip_mreqn { in_addr multiaddr; in_addr address; int ifindex; } */
  static byte[] ipMreqn(Inet4Address group, Inet4Address local, int ifindex) {
    ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder());
    b.put(group == null ? new byte[4] : group.getAddress());
    b.put(local == null ? new byte[4] : local.getAddress());
    b.putInt(ifindex);
    return b.array();
  }

  /** struct sockaddr_ll for sending a whole Ethernet frame to the broadcast address. */
  static byte[] sockaddrLl(int ifindex, int protocol) {
    ByteBuffer b = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
    b.putShort((short) LibC.AF_PACKET);
    b.order(ByteOrder.BIG_ENDIAN).putShort((short) protocol).order(ByteOrder.nativeOrder());
    b.putInt(ifindex);
    b.putShort((short) 1); // ARPHRD_ETHER
    b.put((byte) 0);
    b.put((byte) 6);
    for (int i = 0; i < 6; i++) {
      b.put((byte) 0xff);
    }
    return b.array();
  }

  static byte[] intValue(int value) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
  }

  /** struct pollfd { int fd; short events; short revents; } */
  static byte[] pollfd(int fd) {
    return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(LibC.POLLIN).putShort((short) 0).array();
  }

  static short revents(byte[] pollfd) {
    return ByteBuffer.wrap(pollfd).order(ByteOrder.nativeOrder()).getShort(6);
  }
}
