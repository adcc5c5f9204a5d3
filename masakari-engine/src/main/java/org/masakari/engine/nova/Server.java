package org.masakari.engine.nova;

import java.util.Map;

/**
 * What the flows read of a Nova server (compute API 2.53).
 *
 * @param powerState {@code OS-EXT-STS:power_state} (4 = shutdown)
 * @param hypervisorHostname {@code OS-EXT-SRV-ATTR:hypervisor_hostname}: upstream's "has it moved" test
 */
public record Server(String id, String name, String vmState, String taskState, int powerState, String host,
    String hypervisorHostname, boolean locked, Map<String, String> metadata) {
  public static final int POWER_SHUTDOWN = 4;

  public Server {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** Upstream parses the metadata value as an oslo boolean. */
  public boolean metadataFlag(String key) {
    String v = metadata.get(key);
    return v != null && java.util.Set.of("true", "1", "yes", "on", "t", "y")
        .contains(v.strip().toLowerCase(java.util.Locale.ROOT));
  }
}
