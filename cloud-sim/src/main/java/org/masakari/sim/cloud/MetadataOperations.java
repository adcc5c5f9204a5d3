package org.masakari.sim.cloud;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Server metadata (where {@code HA_Enabled} lives): read, merge, replace, delete a key, with Nova's
 * lock and state checks. Holds the {@link CloudState} monitor like {@link ServerOperations}.
 */
public final class MetadataOperations {
  /** Nova's update_instance_metadata: vm_state active, paused, suspended or stopped, no task. */
  private static final Set<VmState> METADATA_STATES = EnumSet.of(VmState.ACTIVE, VmState.STOPPED);
  private static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");

  private final CloudState state;

  public MetadataOperations(CloudState state) {
    this.state = state;
  }

  public Map<String, String> metadata(Caller caller, String id) {
    synchronized (state) {
      // a copy in the server's key order, as Nova returns it
      return new java.util.LinkedHashMap<>(ServerOperations.visible(state, caller, id).metadata);
    }
  }

  public String metadataItem(Caller caller, String id, String key) {
    synchronized (state) {
      String v = ServerOperations.visible(state, caller, id).metadata.get(key);
      if (v == null) {
        throw CloudException.notFound("Metadata item was not found");
      }
      return v;
    }
  }

  /** POST merges, PUT replaces: both return the server's whole metadata afterwards. */
  public Map<String, String> updateMetadata(Caller caller, String id, Map<String, String> items, boolean replace) {
    synchronized (state) {
      SimServer s = writableMetadata(caller, id, "update metadata");
      items.forEach(MetadataOperations::checkItem);
      if (replace) {
        s.metadata.clear();
      }
      s.metadata.putAll(items);
      s.updatedAt = state.now();
      return new java.util.LinkedHashMap<>(s.metadata);
    }
  }

  public void deleteMetadataItem(Caller caller, String id, String key) {
    synchronized (state) {
      SimServer s = writableMetadata(caller, id, "delete metadata");
      if (s.metadata.remove(key) == null) {
        throw CloudException.notFound("Metadata item was not found");
      }
      s.updatedAt = state.now();
    }
  }

  private SimServer writableMetadata(Caller caller, String id, String action) {
    SimServer s = ServerOperations.visible(state, caller, id);
    ServerOperations.checkLock(caller, s);
    ServerOperations.checkState(s, action, METADATA_STATES);
    return s;
  }

  private static void checkItem(String key, String value) {
    if (!METADATA_KEY.matcher(key).matches()) {
      throw CloudException.badRequest("Invalid input for field/attribute metadata. Value: " + key
          + ". Metadata keys must be 1 to 255 characters of letters, digits, '-', '_', ':', '.' or ' '");
    }
    if (value == null || value.length() > 255) {
      throw CloudException.badRequest("Invalid input for field/attribute " + key + ". Value: " + value
          + ". Metadata values must be strings of at most 255 characters");
    }
  }
}
