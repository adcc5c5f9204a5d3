package org.masakari.core.config;

import java.time.Duration;
import java.util.Set;
import org.masakari.client.config.Section;

/**
 * API options of {@code [DEFAULT]} and {@code [oslo_middleware]}, upstream names and defaults.
 *
 * @param authStrategy {@code keystone} (default) or {@code noauth2}
 * @param listen masakari_api_listen, default 0.0.0.0
 * @param port masakari_api_listen_port, default 15868
 * @param workers masakari_api_workers: event-loop instances, default = CPUs
 * @param maxLimit osapi_max_limit, default 1000: page size cap
 * @param linkPrefix osapi_masakari_link_prefix: replaces scheme/host/path of version links, unset = request's
 * @param duplicateWindow duplicate_notification_detection_interval, default 180 s
 * @param maxRequestBodySize [oslo_middleware] max_request_body_size, default 114688 bytes (413 above)
 * @param proxyHeaders [oslo_middleware] enable_proxy_headers_parsing, default false
 * @param maxMicroversion highest microversion advertised, default 1.4 (ours: notification actions; upstream master 1.3, 14.x 1.2)
 */
public record ApiOptions(String authStrategy, String listen, int port, int workers, int maxLimit,
    String linkPrefix, Duration duplicateWindow, int maxRequestBodySize, boolean proxyHeaders,
    String maxMicroversion) {

  public static final String NOAUTH2 = "noauth2";
  public static final String KEYSTONE = "keystone";
  public static final int DEFAULT_PORT = 15868;

  static ApiOptions from(Section d, Section mw, Section ours) {
    String auth = d.choice("auth_strategy", KEYSTONE, Set.of(KEYSTONE, NOAUTH2));
    String listen = d.string("masakari_api_listen", "0.0.0.0");
    int port = d.integer("masakari_api_listen_port", DEFAULT_PORT, 1, 65535);
    int workers = d.integer("masakari_api_workers", Runtime.getRuntime().availableProcessors(), 1, 256);
    int maxLimit = d.integer("osapi_max_limit", 1000, 1, 1_000_000);
    String linkPrefix = d.optString("osapi_masakari_link_prefix").orElse(null);
    Duration dup = d.seconds("duplicate_notification_detection_interval", 180, 0);
    int body = mw.integer("max_request_body_size", 114688, 1, Integer.MAX_VALUE);
    boolean proxy = mw.bool("enable_proxy_headers_parsing", false);
    String mv = ours.choice("max_microversion", "1.4", Set.of("1.0", "1.1", "1.2", "1.3", "1.4"));
    return new ApiOptions(auth, listen, port, workers, maxLimit, linkPrefix, dup, body, proxy, mv);
  }

  public ApiOptions withListen(String host, int p) {
    return new ApiOptions(authStrategy, host, p, workers, maxLimit, linkPrefix, duplicateWindow,
        maxRequestBodySize, proxyHeaders, maxMicroversion);
  }

  public ApiOptions withAuthStrategy(String a) {
    return new ApiOptions(a, listen, port, workers, maxLimit, linkPrefix, duplicateWindow,
        maxRequestBodySize, proxyHeaders, maxMicroversion);
  }
}
