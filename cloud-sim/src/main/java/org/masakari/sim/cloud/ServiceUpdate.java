package org.masakari.sim.cloud;

/**
 * A service update (microversion 2.53 body or the legacy action URLs).
 *
 * @param status "enabled", "disabled" or null when not given
 * @param reasonGiven whether {@code disabled_reason} was in the body (Nova refuses it with "enabled")
 * @param forcedDown null when not given
 */
public record ServiceUpdate(String status, boolean reasonGiven, String disabledReason, Boolean forcedDown) {}
