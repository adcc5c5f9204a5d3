package org.masakari.lb.config;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code backend}: algorithm, stickiness, retries, timeouts, checks and servers.
 *
 * @param redispatch retry a refused connection on another server (a refused connect sent nothing, so
 *     it is safe for any request); on by default, unlike HAProxy, after the lab's measurements (§8)
 * @param retries connection attempts after the first one
 * @param timeoutSilent a safe request (GET, HEAD, OPTIONS without a body) that got no byte of answer for this long,
 *     from a server that answered nothing else meanwhile either, is retried on another usable server and the
 *     silent server counts a passive error (nginx's {@code proxy_next_upstream timeout} for idempotent requests,
 *     with the silence condition of {@code Server#trafficTimeout}); zero = off
 */
public record BackendConfig(String name, Algorithm balance, Sticky sticky, String cookieName, boolean redispatch,
    int retries, Duration timeoutConnect, Duration timeoutServer, Duration timeoutQueue, Duration timeoutSilent, HealthCheckConfig check,
    List<ServerConfig> servers) {

  public enum Algorithm { ROUNDROBIN, LEASTCONN, SOURCE, URI }

  public enum Sticky { NONE, SOURCE, COOKIE }

  public static final int DEFAULT_RETRIES = 3;
  public static final Duration DEFAULT_TIMEOUT_CONNECT = Duration.ofSeconds(2);
  public static final Duration DEFAULT_TIMEOUT_SERVER = Duration.ofSeconds(30);
  public static final Duration DEFAULT_TIMEOUT_QUEUE = Duration.ofSeconds(5);
  public static final Duration DEFAULT_TIMEOUT_SILENT = Duration.ofSeconds(5);
  public static final String DEFAULT_COOKIE = "LBSERVERID";

  public BackendConfig {
    servers = List.copyOf(servers);
  }

  static BackendConfig read(Section s) {
    s.allowOnly("name", "balance", "sticky", "cookie", "redispatch", "retries", "timeout", "check", "servers");
    Section t = s.section("timeout");
    t.allowOnly("connect", "server", "queue", "silent");
    List<ServerConfig> servers = s.sections("servers", ServerConfig::read);
    Set<String> names = new HashSet<>();
    for (ServerConfig sc : servers) {
      if (!names.add(sc.name())) {
        throw s.error("servers", "server name '" + sc.name() + "' is used twice");
      }
    }
    return new BackendConfig(s.requiredString("name"), s.enumValue("balance", Algorithm.class, Algorithm.ROUNDROBIN),
        s.enumValue("sticky", Sticky.class, Sticky.NONE), s.string("cookie", DEFAULT_COOKIE),
        s.bool("redispatch", true), s.integer("retries", DEFAULT_RETRIES, 0, 100),
        t.duration("connect", DEFAULT_TIMEOUT_CONNECT, "ms", Duration.ofMillis(1), Duration.ofHours(1)),
        t.duration("server", DEFAULT_TIMEOUT_SERVER, "ms", Duration.ofMillis(1), Duration.ofHours(24)),
        t.duration("queue", DEFAULT_TIMEOUT_QUEUE, "ms", Duration.ofMillis(1), Duration.ofHours(1)),
        t.duration("silent", DEFAULT_TIMEOUT_SILENT, "ms", Duration.ZERO, Duration.ofHours(1)),
        s.has("check") ? HealthCheckConfig.read(s.section("check")) : HealthCheckConfig.DEFAULT, servers);
  }
}
