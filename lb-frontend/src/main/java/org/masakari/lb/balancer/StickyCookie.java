package org.masakari.lb.balancer;

import io.vertx.core.http.HttpServerRequest;

/** HAProxy's {@code cookie NAME insert}: the server name travels in a cookie set by the balancer. */
final class StickyCookie {
  private StickyCookie() {}

  static String read(HttpServerRequest req, String cookieName) {
    return read(req.getHeader("Cookie"), cookieName);
  }

  /** The server name in {@code cookieName} of a {@code Cookie} header value (null = none). */
  static String read(String header, String cookieName) {
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
