package org.masakari.engine.config;

import org.masakari.client.config.Section;

/** {@code [instance_failure]}: upstream names and defaults (only HA-enabled instances by default). */
public record InstanceFailureOptions(boolean processAllInstances, String haEnabledMetadataKey) {
  static InstanceFailureOptions from(Section s) {
    return new InstanceFailureOptions(s.bool("process_all_instances", false),
        s.string("ha_enabled_instance_metadata_key", "HA_Enabled"));
  }
}
