package org.masakari.lb.balancer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.charset.StandardCharsets;

/**
 * The head of a server's answer, scanned in place for the response pass-through
 * ({@link ResponsePassThrough}): the status, the body length and the lines to leave out. Only the
 * plainest form is accepted ("simple"): {@code HTTP/1.1}, a final status other than 204/304, one
 * {@code Content-Length}, no {@code Transfer-Encoding} or {@code Upgrade}, a {@code Connection}
 * that names only {@code close} or {@code keep-alive}, CRLF line ends and no folded lines. Anything
 * else goes through Netty's HTTP codec as before, so the codec stays the one place that knows the
 * rest of RFC 9112; this scan only has to be right about what it accepts.
 */
final class RawResponseHead {
  /** The head is not complete in the bytes scanned (read more). */
  static final RawResponseHead INCOMPLETE = new RawResponseHead();
  /** The answer is not simple: the codec takes it. */
  static final RawResponseHead NOT_SIMPLE = new RawResponseHead();

  private static final byte[] HTTP11 = "HTTP/1.1 ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = ascii("content-length");
  private static final byte[] CONNECTION = ascii("connection");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] UPGRADE = ascii("upgrade");
  /** Hop-by-hop lines dropped here (RFC 9110 §7.6.1; those of ProxyHeaders that do not make the answer "not simple"). */
  private static final byte[][] DROPPED = {CONNECTION, ascii("keep-alive"), ascii("proxy-connection"), ascii("te"),
      ascii("trailer"), ascii("proxy-authenticate"), ascii("proxy-authorization")};
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] KEEP_ALIVE = ascii("keep-alive");
  private static final byte[] CONNECTION_CLOSE = ascii("Connection: close\r\n");
  private static final byte[] CONNECTION_KEEP_ALIVE = ascii("Connection: keep-alive\r\n");
  /** Longest content-length value accepted (fits a long with room). */
  private static final int MAX_LENGTH_DIGITS = 15;

  private int status;
  private long contentLength = -1;
  private boolean keepAlive = true;
  /** Bytes from the reader index to the end of the blank line. */
  private int headLength;
  /** [start, end) offsets (from the reader index) of lines to leave out, in order. */
  private int[] drops = new int[4];
  private int dropCount;
  private int droppedBytes;

  private RawResponseHead() {}

  int status() {
    return status;
  }

  long contentLength() {
    return contentLength;
  }

  boolean keepAlive() {
    return keepAlive;
  }

  int headLength() {
    return headLength;
  }

  /** Scans the head starting at {@code buf}'s reader index (nothing is consumed). */
  static RawResponseHead scan(ByteBuf buf) {
    int base = buf.readerIndex();
    int end = buf.writerIndex();
    int lf = buf.indexOf(base, end, (byte) '\n');
    if (lf < 0) {
      return INCOMPLETE;
    }
    RawResponseHead h = new RawResponseHead();
    if (!h.statusLine(buf, base, lf)) {
      return NOT_SIMPLE;
    }
    int line = lf + 1;
    while (true) {
      lf = buf.indexOf(line, end, (byte) '\n');
      if (lf < 0) {
        return INCOMPLETE;
      }
      if (lf == line || buf.getByte(lf - 1) != '\r') {
        return NOT_SIMPLE;  // a bare LF
      }
      if (lf == line + 1) {  // the blank line
        h.headLength = lf + 1 - base;
        return h.contentLength < 0 ? NOT_SIMPLE : h;
      }
      if (!h.field(buf, base, line, lf - 1)) {
        return NOT_SIMPLE;
      }
      line = lf + 1;
    }
  }

  /** "HTTP/1.1 NNN reason" ending in CRLF at {@code lf}. */
  private boolean statusLine(ByteBuf buf, int from, int lf) {
    if (lf - from < HTTP11.length + 4 || buf.getByte(lf - 1) != '\r' || !startsWith(buf, from, HTTP11)) {
      return false;
    }
    int p = from + HTTP11.length;
    int code = 0;
    for (int i = 0; i < 3; i++) {
      byte d = buf.getByte(p + i);
      if (d < '0' || d > '9') {
        return false;
      }
      code = code * 10 + (d - '0');
    }
    byte after = buf.getByte(p + 3);
    if (after != ' ' && after != '\r') {
      return false;
    }
    status = code;
    // 1xx are followed by another answer, 204 and 304 have no body whatever they say
    return code >= 200 && code <= 599 && code != 204 && code != 304;
  }

  /** One header line [from, cr); false if it makes the answer not simple. */
  private boolean field(ByteBuf buf, int base, int from, int cr) {
    int colon = -1;
    for (int i = from; i < cr; i++) {
      byte b = buf.getByte(i);
      if (b == ':') {
        colon = i;
        break;
      }
      if (b <= ' ' || b >= 0x7f) {
        return false;  // folded line (leading space), whitespace before the colon, or not a token
      }
    }
    if (colon <= from) {
      return false;
    }
    int nameLength = colon - from;
    if (nameEquals(buf, from, nameLength, CONTENT_LENGTH)) {
      return contentLength < 0 && contentLength(buf, colon + 1, cr);
    }
    if (nameEquals(buf, from, nameLength, TRANSFER_ENCODING) || nameEquals(buf, from, nameLength, UPGRADE)) {
      return false;
    }
    for (byte[] hop : DROPPED) {
      if (nameEquals(buf, from, nameLength, hop)) {
        if (hop == CONNECTION && !connectionTokens(buf, colon + 1, cr)) {
          return false;
        }
        drop(from - base, cr + 2 - base);
        return true;
      }
    }
    return true;
  }

  private boolean contentLength(ByteBuf buf, int from, int to) {
    from = skipSpace(buf, from, to);
    to = trimSpace(buf, from, to);
    if (from == to || to - from > MAX_LENGTH_DIGITS) {
      return false;
    }
    long v = 0;
    for (int i = from; i < to; i++) {
      byte d = buf.getByte(i);
      if (d < '0' || d > '9') {
        return false;
      }
      v = v * 10 + (d - '0');
    }
    contentLength = v;
    return true;
  }

  /** Connection's tokens: close and keep-alive are understood; any other names a header to drop (the codec does that). */
  private boolean connectionTokens(ByteBuf buf, int from, int to) {
    int start = from;
    while (start <= to) {
      int comma = buf.indexOf(start, to, (byte) ',');
      int tokenEnd = comma < 0 ? to : comma;
      int a = skipSpace(buf, start, tokenEnd);
      int b = trimSpace(buf, a, tokenEnd);
      if (b > a) {
        if (nameEquals(buf, a, b - a, CLOSE)) {
          keepAlive = false;
        } else if (!nameEquals(buf, a, b - a, KEEP_ALIVE)) {
          return false;
        }
      }
      start = tokenEnd + 1;
    }
    return true;
  }

  private void drop(int from, int to) {
    if (dropCount * 2 == drops.length) {
      drops = java.util.Arrays.copyOf(drops, drops.length * 2);
    }
    drops[dropCount * 2] = from;
    drops[dropCount * 2 + 1] = to;
    dropCount++;
    droppedBytes += to - from;
  }

  /**
   * The head as the client gets it, followed by {@code bodyBytes} of the body, in one new buffer (one
   * write, one segment): the hop-by-hop lines left out, {@code Connection: close} or
   * {@code Connection: keep-alive} and {@code extraLine} (a whole line with CRLF, or null) added.
   * Advances {@code src}'s reader index past what was copied.
   */
  ByteBuf copy(ByteBufAllocator alloc, ByteBuf src, boolean close, boolean keepAliveHeader, byte[] extraLine, int bodyBytes) {
    byte[] connection = close ? CONNECTION_CLOSE : keepAliveHeader ? CONNECTION_KEEP_ALIVE : null;
    int size = headLength - droppedBytes + (connection == null ? 0 : connection.length)
        + (extraLine == null ? 0 : extraLine.length) + bodyBytes;
    ByteBuf out = alloc.buffer(size);
    int base = src.readerIndex();
    int at = 0;
    int fieldsEnd = headLength - 2;  // before the blank line
    for (int i = 0; i < dropCount; i++) {
      out.writeBytes(src, base + at, drops[i * 2] - at);
      at = drops[i * 2 + 1];
    }
    out.writeBytes(src, base + at, fieldsEnd - at);
    if (connection != null) {
      out.writeBytes(connection);
    }
    if (extraLine != null) {
      out.writeBytes(extraLine);
    }
    out.writeBytes(src, base + fieldsEnd, 2 + bodyBytes);
    src.readerIndex(base + headLength + bodyBytes);
    return out;
  }

  private static boolean nameEquals(ByteBuf buf, int from, int length, byte[] lower) {
    if (length != lower.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      byte b = buf.getByte(from + i);
      if (b >= 'A' && b <= 'Z') {
        b += 'a' - 'A';
      }
      if (b != lower[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(ByteBuf buf, int from, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (buf.getByte(from + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int skipSpace(ByteBuf buf, int from, int to) {
    while (from < to && (buf.getByte(from) == ' ' || buf.getByte(from) == '\t')) {
      from++;
    }
    return from;
  }

  private static int trimSpace(ByteBuf buf, int from, int to) {
    while (to > from && (buf.getByte(to - 1) == ' ' || buf.getByte(to - 1) == '\t')) {
      to--;
    }
    return to;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
