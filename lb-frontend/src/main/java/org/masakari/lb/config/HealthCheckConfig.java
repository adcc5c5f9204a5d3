package org.masakari.lb.config;

import java.time.Duration;

/**
 * HAProxy's {@code check inter rise fall} plus {@code option httpchk}. Passive checks: after
 * {@code observeErrorLimit} consecutive connection errors or timeouts on real traffic a server is
 * marked DOWN at once (HAProxy's {@code observe layer4 error-limit N on-error mark-down}); 0 = off.
 */
public record HealthCheckConfig(Type type, String method, String path, int expectStatus, Duration inter,
    Duration timeout, int rise, int fall, int observeErrorLimit) {

  public enum Type { NONE, TCP, HTTP }

  public static final Duration DEFAULT_INTER = Duration.ofSeconds(2);
  public static final int DEFAULT_RISE = 2;
  public static final int DEFAULT_FALL = 3;
  public static final int DEFAULT_OBSERVE_ERROR_LIMIT = 1;
  public static final HealthCheckConfig DEFAULT = new HealthCheckConfig(Type.TCP, "GET", "/", 200, DEFAULT_INTER,
      DEFAULT_INTER, DEFAULT_RISE, DEFAULT_FALL, DEFAULT_OBSERVE_ERROR_LIMIT);

  static HealthCheckConfig read(Section s) {
    s.allowOnly("type", "method", "path", "expect_status", "inter", "timeout", "rise", "fall", "observe_error_limit");
    Duration inter = s.duration("inter", DEFAULT_INTER, "ms", Duration.ofMillis(10), Duration.ofHours(1));
    String path = s.string("path", "/");
    if (!path.startsWith("/")) {
      throw s.error("path", "must start with /");
    }
    return new HealthCheckConfig(s.enumValue("type", Type.class, Type.TCP), s.string("method", "GET"), path,
        s.integer("expect_status", 200, 100, 599), inter,
        s.duration("timeout", inter, "ms", Duration.ofMillis(10), Duration.ofHours(1)),
        s.integer("rise", DEFAULT_RISE, 1, 100), s.integer("fall", DEFAULT_FALL, 1, 100),
        s.integer("observe_error_limit", DEFAULT_OBSERVE_ERROR_LIMIT, 0, 1000));
  }
}
