package org.masakari.lb.net;

import com.sun.jna.LastErrorException;
import java.io.Closeable;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A raw IPv4 socket for protocol 112 set up as in §5 of the lab reference: joined to 224.0.0.18,
 * multicast TTL 255 (the default 1 is dropped by keepalived), loopback off, TOS 0xc0 like keepalived.
 * The kernel builds the IP header. Needs CAP_NET_RAW.
 */
public final class RawVrrpSocket implements Closeable {
  public static final Inet4Address VRRP_GROUP = group();
  private static final int TTL = 255;
  private static final int TOS_INTERNETWORK_CONTROL = 0xc0;

  private final LibC libc = LibC.INSTANCE;
  private final int fd;
  private final byte[] pollfd;

  public RawVrrpSocket(NetworkInterfaceInfo nic) {
    fd = libc.socket(LibC.AF_INET, LibC.SOCK_RAW, 112);
    try {
      byte[] dev = (nic.name() + "\0").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      libc.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, dev, dev.length);
      byte[] mreq = NativeStructs.ipMreqn(VRRP_GROUP, nic.primaryAddress(), nic.index());
      libc.setsockopt(fd, LibC.IPPROTO_IP, LibC.IP_ADD_MEMBERSHIP, mreq, mreq.length);
      byte[] ifreq = NativeStructs.ipMreqn(null, nic.primaryAddress(), nic.index());
      libc.setsockopt(fd, LibC.IPPROTO_IP, LibC.IP_MULTICAST_IF, ifreq, ifreq.length);
      setInt(LibC.IP_MULTICAST_TTL, TTL);
      setInt(LibC.IP_TTL, TTL);
      setInt(LibC.IP_MULTICAST_LOOP, 0);
      setInt(LibC.IP_TOS, TOS_INTERNETWORK_CONTROL);
    } catch (LastErrorException e) {
      libc.close(fd);
      throw e;
    }
    pollfd = NativeStructs.pollfd(fd);
  }

  private void setInt(int option, int value) {
    byte[] v = NativeStructs.intValue(value);
    libc.setsockopt(fd, LibC.IPPROTO_IP, option, v, v.length);
  }

  public void send(byte[] message, Inet4Address destination) {
    byte[] to = NativeStructs.sockaddrIn(destination);
    libc.sendto(fd, message, message.length, 0, to, to.length);
  }

  /** Waits up to {@code timeoutMillis} for a packet; returns its length (IP header included) or 0. */
  public int receive(byte[] buffer, int timeoutMillis) {
    pollfd[6] = 0;
    pollfd[7] = 0;
    int ready;
    try {
      ready = libc.poll(pollfd, 1, timeoutMillis);
    } catch (LastErrorException e) {
      if (e.getErrorCode() == 4) { // EINTR
        return 0;
      }
      throw e;
    }
    if (ready <= 0 || (NativeStructs.revents(pollfd) & LibC.POLLIN) == 0) {
      return 0;
    }
    return (int) libc.recv(fd, buffer, buffer.length, 0);
  }

  @Override
  public void close() {
    libc.close(fd);
  }

  private static Inet4Address group() {
    try {
      return (Inet4Address) InetAddress.getByName("224.0.0.18");
    } catch (UnknownHostException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
}
