package org.masakari.sim.cloud;

import java.util.List;

/** A flavor; the simulator ships a fixed set like devstack's. */
public record Flavor(String id, String name, int vcpus, int ramMb, int diskGb) {
  public static final List<Flavor> DEFAULTS =
      List.of(
          new Flavor("1", "m1.tiny", 1, 512, 1),
          new Flavor("2", "m1.small", 1, 2048, 20),
          new Flavor("3", "m1.medium", 2, 4096, 40),
          new Flavor("4", "m1.large", 4, 8192, 80));

  public static Flavor byId(String id) {
    return DEFAULTS.stream().filter(f -> f.id.equals(id) || f.name.equals(id)).findFirst().orElse(null);
  }
}
