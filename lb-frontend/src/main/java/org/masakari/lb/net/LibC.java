package org.masakari.lb.net;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * The few libc calls the JDK has no equivalent for: raw IP sockets (protocol 112) and AF_PACKET.
 * size_t/ssize_t are mapped to {@code long}: this module targets 64-bit Linux only.
 */
interface LibC extends Library {
  LibC INSTANCE = Native.load("c", LibC.class);

  int AF_INET = 2;
  int AF_PACKET = 17;
  int SOCK_RAW = 3;
  int SOL_SOCKET = 1;
  int SO_BINDTODEVICE = 25;
  int IPPROTO_IP = 0;
  int IP_TOS = 1;
  int IP_TTL = 2;
  int IP_MULTICAST_IF = 32;
  int IP_MULTICAST_TTL = 33;
  int IP_MULTICAST_LOOP = 34;
  int IP_ADD_MEMBERSHIP = 35;
  short POLLIN = 1;
  int ETH_P_ARP = 0x0806;

  int socket(int domain, int type, int protocol) throws LastErrorException;

  int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

  long sendto(int fd, byte[] buf, long length, int flags, byte[] address, int addressLength) throws LastErrorException;

  long recv(int fd, byte[] buf, long length, int flags) throws LastErrorException;

  int poll(byte[] fds, long count, int timeoutMillis) throws LastErrorException;

  int close(int fd) throws LastErrorException;
}
