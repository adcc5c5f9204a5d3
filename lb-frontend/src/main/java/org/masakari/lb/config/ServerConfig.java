package org.masakari.lb.config;

/** A back-end server: HAProxy's {@code server NAME ADDR weight W maxconn M [check]}. maxconn 0 = unlimited. */
public record ServerConfig(String name, HostPort address, int weight, int maxconn, boolean check) {
  public static final int DEFAULT_WEIGHT = 1;

  static ServerConfig read(Section s) {
    s.allowOnly("name", "address", "weight", "maxconn", "check");
    return new ServerConfig(s.requiredString("name"), s.check("address", () -> HostPort.parse(s.requiredString("address"))),
        s.integer("weight", DEFAULT_WEIGHT, 0, 256), s.integer("maxconn", 0, 0, 1_000_000), s.bool("check", true));
  }
}
