package org.masakari.lb.config;

import java.time.Duration;

/**
 * A {@code frontend}: where clients connect and which backend serves them.
 *
 * @param maxconn concurrent client connections; beyond it new connections wait in the kernel backlog
 * @param tlsCert PEM certificate chain for TLS termination (http mode), null = plain
 */
public record FrontendConfig(String name, HostPort bind, Mode mode, String defaultBackend, int maxconn,
    Duration timeoutClient, boolean forwardedHeaders, String tlsCert, String tlsKey) {

  public enum Mode { HTTP, TCP }

  public static final int DEFAULT_MAXCONN = 8000;
  public static final Duration DEFAULT_TIMEOUT_CLIENT = Duration.ofSeconds(30);

  static FrontendConfig read(Section s) {
    s.allowOnly("name", "bind", "mode", "default_backend", "maxconn", "timeout", "forwarded_headers", "tls");
    Section t = s.section("timeout");
    t.allowOnly("client");
    Section tls = s.section("tls");
    tls.allowOnly("cert", "key");
    String cert = tls.string("cert", null);
    String key = tls.string("key", null);
    if ((cert == null) != (key == null)) {
      throw s.error("tls", "needs both cert and key (PEM files)");
    }
    for (String f : new String[] {cert, key}) {
      if (f != null && !java.nio.file.Files.isReadable(java.nio.file.Path.of(f))) {
        throw tls.error(f == cert ? "cert" : "key", "cannot read " + f);
      }
    }
    Mode mode = s.enumValue("mode", Mode.class, Mode.HTTP);
    if (cert != null && mode != Mode.HTTP) {
      throw s.error("tls", "TLS termination needs mode: http");
    }
    return new FrontendConfig(s.requiredString("name"), s.check("bind", () -> HostPort.parse(s.requiredString("bind"))),
        mode, s.requiredString("default_backend"), s.integer("maxconn", DEFAULT_MAXCONN, 1, 1_000_000),
        t.duration("client", DEFAULT_TIMEOUT_CLIENT, "ms", Duration.ofMillis(1), Duration.ofHours(24)),
        s.bool("forwarded_headers", true), cert, key);
  }
}
