package org.masakari.lb.config;

/** An interface whose loss lowers priority by |weight| (0 = FAULT, keepalived's default). */
public record TrackInterfaceConfig(String name, int weight) {
  static TrackInterfaceConfig read(Section s) {
    s.allowOnly("name", "weight");
    return new TrackInterfaceConfig(s.requiredString("name"), s.integer("weight", 0, -253, 253));
  }
}
