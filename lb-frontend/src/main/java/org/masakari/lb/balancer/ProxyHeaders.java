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

  /** RFC 7239 §6: IPv6 addresses are quoted and bracketed. */
  private static String quoteIfV6(String ip) {
    return ip.indexOf(':') >= 0 ? "\"[" + ip + "]\"" : ip;
  }
}
