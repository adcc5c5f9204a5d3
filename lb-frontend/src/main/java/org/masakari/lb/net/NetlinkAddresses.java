package org.masakari.lb.net;

import com.sun.jna.LastErrorException;
import java.io.Closeable;
import java.net.Inet4Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Adds and removes IPv4 addresses with rtnetlink (RTM_NEWADDR / RTM_DELADDR), what {@code ip addr}
 * does, without forking a process: on takeover the VIP must be up before the gratuitous ARPs go out,
 * and a fork on a loaded host costs tens of milliseconds of client-visible gap.
 */
final class NetlinkAddresses implements Closeable {
  private static final int AF_NETLINK = 16;
  private static final int NETLINK_ROUTE = 0;
  private static final short RTM_NEWADDR = 20;
  private static final short RTM_DELADDR = 21;
  private static final short NLMSG_ERROR = 2;
  private static final short NLM_F_REQUEST = 0x1;
  private static final short NLM_F_ACK = 0x4;
  private static final short NLM_F_EXCL = 0x200;
  private static final short NLM_F_CREATE = 0x400;
  private static final short IFA_ADDRESS = 1;
  private static final short IFA_LOCAL = 2;
  private static final int RT_SCOPE_UNIVERSE = 0;
  private static final int ACK_TIMEOUT_MILLIS = 2000;

  /** errno values the callers treat as "already so". */
  static final int EEXIST = 17;
  static final int EADDRNOTAVAIL = 99;

  private final LibC libc = LibC.INSTANCE;
  private final int fd;
  private int sequence;

  NetlinkAddresses() {
    fd = libc.socket(AF_NETLINK, LibC.SOCK_RAW, NETLINK_ROUTE);
  }

  /** Returns 0 or the positive errno the kernel answered. */
  synchronized int add(int ifindex, Inet4Address address, int prefixLength) {
    return request(RTM_NEWADDR, (short) (NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL), ifindex, address, prefixLength);
  }

  synchronized int delete(int ifindex, Inet4Address address, int prefixLength) {
    return request(RTM_DELADDR, (short) (NLM_F_REQUEST | NLM_F_ACK), ifindex, address, prefixLength);
  }

  private int request(short type, short flags, int ifindex, Inet4Address address, int prefixLength) {
    int seq = ++sequence;
    // nlmsghdr(16) + ifaddrmsg(8) + 2 x rtattr(4 + 4)
    ByteBuffer b = ByteBuffer.allocate(40).order(ByteOrder.nativeOrder());
    b.putInt(40).putShort(type).putShort(flags).putInt(seq).putInt(0);
    b.put((byte) 2).put((byte) prefixLength).put((byte) 0).put((byte) RT_SCOPE_UNIVERSE).putInt(ifindex);
    b.putShort((short) 8).putShort(IFA_LOCAL).put(address.getAddress());
    b.putShort((short) 8).putShort(IFA_ADDRESS).put(address.getAddress());
    byte[] kernel = ByteBuffer.allocate(12).order(ByteOrder.nativeOrder()).putShort((short) AF_NETLINK).array();
    libc.sendto(fd, b.array(), 40, 0, kernel, kernel.length);
    byte[] reply = new byte[8192];
    byte[] pollfd = NativeStructs.pollfd(fd);
    long deadline = System.nanoTime() + ACK_TIMEOUT_MILLIS * 1_000_000L;
    while (System.nanoTime() < deadline) {
      pollfd[6] = 0;
      pollfd[7] = 0;
      if (libc.poll(pollfd, 1, ACK_TIMEOUT_MILLIS) <= 0) {
        break;
      }
      int n = (int) libc.recv(fd, reply, reply.length, 0);
      ByteBuffer r = ByteBuffer.wrap(reply, 0, n).order(ByteOrder.nativeOrder());
      int offset = 0;
      while (offset + 16 <= n) {
        int len = r.getInt(offset);
        short msgType = r.getShort(offset + 4);
        int msgSeq = r.getInt(offset + 8);
        if (msgType == NLMSG_ERROR && msgSeq == seq) {
          return -r.getInt(offset + 16);
        }
        if (len < 16) {
          break;
        }
        offset += (len + 3) & ~3;
      }
    }
    throw new LastErrorException("no netlink acknowledgement within " + ACK_TIMEOUT_MILLIS + " ms");
  }

  @Override
  public void close() {
    libc.close(fd);
  }
}
