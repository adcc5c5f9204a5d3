package org.masakari.lb.balancer;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Set;

/** Header rules of a proxy: hop-by-hop headers stay on their hop (RFC 9110 §7.6.1); X-Forwarded-For and Forwarded are appended. */
final class ProxyHeaders {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
      "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");

  private ProxyHeaders() {}

  /**
   * Turns the client's request headers into the server's, in place: the map is not read again once
   * the request is forwarded, and not copying it saves an allocation per header on the hot path.
   *
   * @param authority the client's Host (HTTP/1.1) or :authority (HTTP/2), forwarded as Host
   */
  static MultiMap toBackend(MultiMap headers, String authority, String clientIp, String proto, boolean forwarded) {
    for (String h : HOP_BY_HOP) {
      headers.remove(h);
    }
    if (authority != null && !headers.contains(HttpHeaders.HOST)) {
      headers.set(HttpHeaders.HOST, authority);
    }
    if (forwarded) {
      String xff = headers.get("X-Forwarded-For");
      headers.set("X-Forwarded-For", xff == null ? clientIp : xff + ", " + clientIp);
      headers.set("X-Forwarded-Proto", proto);
      String element = "for=" + quoteIfV6(clientIp) + ";proto=" + proto + (authority == null ? "" : ";host=\"" + authority + "\"");
      String prior = headers.get("Forwarded");
      headers.set("Forwarded", prior == null ? element : prior + ", " + element);
    }
    return headers;
  }

  static void toClient(MultiMap from, MultiMap to) {
    to.addAll(from);
    for (String h : HOP_BY_HOP) {
      to.remove(h);
    }
  }

  /**
   * The fast path's version of {@link #toBackend(MultiMap, String, String, String, boolean)} on Netty
   * headers, in place; also drops the headers the client's {@code Connection} names (RFC 9110 §7.6.1).
   */
  static void toBackend(io.netty.handler.codec.http.HttpHeaders headers, String clientIp, String proto, boolean forwarded) {
    removeHopByHop(headers);
    if (forwarded) {
      String xff = headers.get(X_FORWARDED_FOR);
      headers.set(X_FORWARDED_FOR, xff == null ? clientIp : xff + ", " + clientIp);
      headers.set(X_FORWARDED_PROTO, proto);
      String authority = headers.get(io.netty.handler.codec.http.HttpHeaderNames.HOST);
      String element = "for=" + quoteIfV6(clientIp) + ";proto=" + proto + (authority == null ? "" : ";host=\"" + authority + "\"");
      String prior = headers.get(FORWARDED);
      headers.set(FORWARDED, prior == null ? element : prior + ", " + element);
    }
  }

  /**
   * Removes hop-by-hop headers (and those named by {@code Connection}) from Netty headers. One pass
   * over the headers finds which are present, so a message without any (most requests) costs no
   * lookup, and one with only {@code Connection: keep-alive} (most answers) two removals instead of
   * a removal attempt per hop-by-hop name.
   */
  static void removeHopByHop(io.netty.handler.codec.http.HttpHeaders headers) {
    if (headers.isEmpty()) {
      return;
    }
    int present = 0;
    for (var it = headers.iteratorCharSequence(); it.hasNext(); ) {
      present |= hopByHopBit(it.next().getKey());
    }
    if (present == 0) {
      return;
    }
    if ((present & 1) != 0) {  // HOP_BY_HOP_NETTY[0] is Connection: drop the headers it names first
      String connection = headers.get(io.netty.handler.codec.http.HttpHeaderNames.CONNECTION);
      if (connection != null) {
        removeConnectionTokens(headers, connection);
      }
    }
    for (int i = 0; i < HOP_BY_HOP_NETTY.length; i++) {
      if ((present & (1 << i)) != 0) {
        headers.remove(HOP_BY_HOP_NETTY[i]);
      }
    }
  }

  private static void removeConnectionTokens(io.netty.handler.codec.http.HttpHeaders headers, String connection) {
    int start = 0;
    int n = connection.length();
    while (start < n) {
      int comma = connection.indexOf(',', start);
      int end = comma < 0 ? n : comma;
      int a = start;
      int b = end;
      while (a < b && connection.charAt(a) <= ' ') {
        a++;
      }
      while (b > a && connection.charAt(b - 1) <= ' ') {
        b--;
      }
      // a hop-by-hop token (keep-alive) goes with the hop-by-hop headers: no substring for it
      if (b > a && hopByHopBit(connection, a, b) == 0) {
        headers.remove(connection.substring(a, b));
      }
      start = end + 1;
    }
  }

  /** 1 << index into {@link #HOP_BY_HOP_NETTY} if {@code name} is hop-by-hop (any case), else 0. */
  static int hopByHopBit(CharSequence name) {
    return hopByHopBit(name, 0, name.length());
  }

  /** {@link #hopByHopBit(CharSequence)} of {@code s[from, to)}, without a substring. */
  static int hopByHopBit(CharSequence s, int from, int to) {
    int len = to - from;
    for (int i = 0; i < HOP_BY_HOP_NETTY.length; i++) {
      io.netty.util.AsciiString h = HOP_BY_HOP_NETTY[i];
      if (h.length() == len && equalsIgnoreAsciiCase(h, s, from)) {
        return 1 << i;
      }
    }
    return 0;
  }

  private static boolean equalsIgnoreAsciiCase(io.netty.util.AsciiString lower, CharSequence s, int from) {
    for (int k = 0; k < lower.length(); k++) {
      char c = s.charAt(from + k);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != (char) lower.byteAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static final io.netty.util.AsciiString X_FORWARDED_FOR = io.netty.util.AsciiString.cached("X-Forwarded-For");
  private static final io.netty.util.AsciiString X_FORWARDED_PROTO = io.netty.util.AsciiString.cached("X-Forwarded-Proto");
  private static final io.netty.util.AsciiString FORWARDED = io.netty.util.AsciiString.cached("Forwarded");
  /** Connection first (see {@link #removeHopByHop}); at most 32 (bit mask). */
  private static final io.netty.util.AsciiString[] HOP_BY_HOP_NETTY = java.util.stream.Stream.concat(
      java.util.stream.Stream.of("connection"), HOP_BY_HOP.stream().filter(h -> !h.equals("connection")))
      .map(io.netty.util.AsciiString::cached).toArray(io.netty.util.AsciiString[]::new);

  /** RFC 7239 §6: IPv6 addresses are quoted and bracketed. */
  private static String quoteIfV6(String ip) {
    return ip.indexOf(':') >= 0 ? "\"[" + ip + "]\"" : ip;
  }
}
