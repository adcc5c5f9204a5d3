package org.masakari.engine.config;

import org.masakari.client.config.Section;

/**
 * {@code [host_failure]}: upstream options plus two of ours.
 *
 * @param forceDownCompute ours, default true: when the notification confirms the host is down
 *     ({@code host_status = NORMAL}), mark its nova-compute service forced down (2.53) and evacuate at
 *     once instead of waiting {@code wait_period_after_service_update} for Nova to notice
 * @param autoRecoverHost ours, default false: on a {@code COMPUTE_HOST STARTED} notification, clear
 *     forced-down, re-enable the service and clear maintenance
 */
public record HostFailureOptions(boolean evacuateAllInstances, String haEnabledMetadataKey,
    boolean ignoreInstancesInErrorState, boolean addReservedHostToAggregate, String serviceDisableReason,
    boolean forceDownCompute, boolean autoRecoverHost) {
  public static final String DEFAULT_DISABLE_REASON = "Masakari detected host failed.";

  static HostFailureOptions from(Section s) {
    return new HostFailureOptions(
        s.bool("evacuate_all_instances", true),
        s.string("ha_enabled_instance_metadata_key", "HA_Enabled"),
        s.bool("ignore_instances_in_error_state", false),
        s.bool("add_reserved_host_to_aggregate", false),
        s.string("service_disable_reason", DEFAULT_DISABLE_REASON),
        s.bool("force_down_compute", true),
        s.bool("auto_recover_host", false));
  }
}
