package org.masakari.lb.vrrp;

/** RFC 1071 Internet checksum: one's complement of the one's complement sum of 16-bit words. */
public final class InternetChecksum {
  private InternetChecksum() {}

  /** Adds the bytes [offset, offset+length) to a running 32-bit sum (not yet folded). */
  public static long add(long sum, byte[] data, int offset, int length) {
    int i = offset;
    int end = offset + length;
    for (; i + 1 < end; i += 2) {
      sum += ((data[i] & 0xff) << 8) | (data[i + 1] & 0xff);
    }
    if (i < end) {
      // odd trailing byte is padded with a zero low byte (RFC 1071 §4.1)
      sum += (data[i] & 0xff) << 8;
    }
    return sum;
  }

  public static int finish(long sum) {
    while ((sum >>> 16) != 0) {
      sum = (sum & 0xffff) + (sum >>> 16);
    }
    return (int) (~sum & 0xffff);
  }

  public static int of(byte[] data, int offset, int length) {
    return finish(add(0, data, offset, length));
  }
}
