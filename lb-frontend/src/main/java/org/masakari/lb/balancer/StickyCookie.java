package org.masakari.lb.balancer;

import io.vertx.core.http.HttpServerRequest;

/** HAProxy's {@code cookie NAME insert}: the server name travels in a cookie set by the balancer. */
final class StickyCookie {
  private StickyCookie() {}

  static String read(HttpServerRequest req, String cookieName) {
    String header = req.getHeader("Cookie");
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String p = part.trim();
      if (p.startsWith(cookieName + "=")) {
        return p.substring(cookieName.length() + 1);
      }
    }
    return null;
  }

  static String setCookie(String cookieName, String serverName) {
    return cookieName + "=" + serverName + "; Path=/; HttpOnly";
  }
}
