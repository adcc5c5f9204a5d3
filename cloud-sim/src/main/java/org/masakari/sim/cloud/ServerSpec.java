package org.masakari.sim.cloud;

import java.util.Map;

/**
 * What a create asks for.
 *
 * @param forcedHost the host an admin placed it on ({@code nova:<host>} zone or 2.74 {@code host}),
 *     or null to let the scheduler choose
 */
public record ServerSpec(
    String name,
    String imageRef,
    Flavor flavor,
    String forcedHost,
    Map<String, String> metadata,
    String keyName,
    String description) {}
