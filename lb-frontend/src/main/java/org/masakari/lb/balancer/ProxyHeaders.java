package org.masakari.lb.balancer;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import java.util.Set;

/** Header rules of a proxy: hop-by-hop headers stay on their hop (RFC 9110 §7.6.1); X-Forwarded-For and Forwarded are appended. */
final class ProxyHeaders {
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection", "te", "trailer",
      "transfer-encoding", "upgrade", "proxy-authorization", "proxy-authenticate");

  private ProxyHeaders() {}

  /** @param authority the client's Host (HTTP/1.1) or :authority (HTTP/2), forwarded as Host */
  static MultiMap toBackend(MultiMap in, String authority, String clientIp, String proto, boolean forwarded) {
    MultiMap out = MultiMap.caseInsensitiveMultiMap();
    if (authority != null && !in.contains(HttpHeaders.HOST)) {
      out.set(HttpHeaders.HOST, authority);
    }
    for (var e : in) {
      if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        out.add(e.getKey(), e.getValue());
      }
    }
    if (forwarded) {
      String xff = in.get("X-Forwarded-For");
      out.set("X-Forwarded-For", xff == null ? clientIp : xff + ", " + clientIp);
      out.set("X-Forwarded-Proto", proto);
      String host = authority;
      String element = "for=" + quoteIfV6(clientIp) + ";proto=" + proto + (host == null ? "" : ";host=\"" + host + "\"");
      String prior = in.get("Forwarded");
      out.set("Forwarded", prior == null ? element : prior + ", " + element);
    }
    return out;
  }

  static void toClient(MultiMap from, MultiMap to) {
    for (var e : from) {
      if (!HOP_BY_HOP.contains(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
        to.add(e.getKey(), e.getValue());
      }
    }
  }

  /** RFC 7239 §6: IPv6 addresses are quoted and bracketed. */
  private static String quoteIfV6(String ip) {
    return ip.indexOf(':') >= 0 ? "\"[" + ip + "]\"" : ip;
  }
}
