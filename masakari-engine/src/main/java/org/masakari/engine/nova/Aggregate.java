package org.masakari.engine.nova;

import java.util.List;

/** A Nova host aggregate: id and member host names. */
public record Aggregate(String id, String name, List<String> hosts) {
  public Aggregate {
    hosts = hosts == null ? List.of() : List.copyOf(hosts);
  }
}
