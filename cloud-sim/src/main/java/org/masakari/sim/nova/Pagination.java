package org.masakari.sim.nova;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Nova's limit/marker paging: pages capped at osapi_max_limit, a next link when a page is full. */
final class Pagination {
  /** Nova's {@code [api] max_limit} default. */
  static final int MAX_LIMIT = 1000;

  private Pagination() {}

  static int limit(MultiMap params) {
    String raw = params.get("limit");
    if (raw == null) {
      return MAX_LIMIT;
    }
    if (!raw.matches("^[0-9]*$")) {
      // Nova's query-parameter schema, real Zed's words
      throw ApiFault.badRequest("Invalid input for query parameters limit. Value: " + raw + ". '" + raw
          + "' does not match '^[0-9]*$'");
    }
    int limit = raw.isEmpty() ? 0 : (raw.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(raw));
    return limit == 0 ? MAX_LIMIT : Math.min(limit, MAX_LIMIT);
  }

  /** {@code "<collection>_links": [{"href": ..., "rel": "next"}]}, keeping the other query parameters. */
  static void addNextLink(JsonObject body, String key, String url, MultiMap params, String lastId) {
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : params.entries()) {
      if (!e.getKey().equals("marker")) {
        q.append(q.length() == 0 ? "?" : "&").append(enc(e.getKey())).append('=').append(enc(e.getValue()));
      }
    }
    q.append(q.length() == 0 ? "?" : "&").append("marker=").append(enc(lastId));
    body.put(key, new JsonArray().add(new JsonObject().put("href", url + q).put("rel", "next")));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
