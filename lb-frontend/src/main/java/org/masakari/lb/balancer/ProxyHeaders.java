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

  /** Removes hop-by-hop headers (and those named by {@code Connection}) from Netty headers. */
  static void removeHopByHop(io.netty.handler.codec.http.HttpHeaders headers) {
    if (headers.isEmpty()) {
      return;
    }
    String connection = headers.get(io.netty.handler.codec.http.HttpHeaderNames.CONNECTION);
    if (connection != null) {
      for (String token : connection.split(",")) {
        String t = token.trim();
        if (!t.isEmpty()) {
          headers.remove(t);
        }
      }
    }
    for (io.netty.util.AsciiString h : HOP_BY_HOP_NETTY) {
      headers.remove(h);
    }
  }

  private static final io.netty.util.AsciiString X_FORWARDED_FOR = io.netty.util.AsciiString.cached("X-Forwarded-For");
  private static final io.netty.util.AsciiString X_FORWARDED_PROTO = io.netty.util.AsciiString.cached("X-Forwarded-Proto");
  private static final io.netty.util.AsciiString FORWARDED = io.netty.util.AsciiString.cached("Forwarded");
  private static final io.netty.util.AsciiString[] HOP_BY_HOP_NETTY = HOP_BY_HOP.stream()
      .map(io.netty.util.AsciiString::cached).toArray(io.netty.util.AsciiString[]::new);

  /** RFC 7239 §6: IPv6 addresses are quoted and bracketed. */
  private static String quoteIfV6(String ip) {
    return ip.indexOf(':') >= 0 ? "\"[" + ip + "]\"" : ip;
  }
}
