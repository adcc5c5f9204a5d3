package org.masakari.core.alerts;

/**
 * What became of one alert of a webhook call.
 *
 * @param result {@code created}, {@code unmapped}, {@code resolved} (not acted on), {@code rejected} (the
 *     notification rules refused it: unknown host, maintenance, duplicate — {@code status} is the HTTP
 *     status a POSTed notification would have got)
 */
public record AlertOutcome(String alertName, String result, String notificationUuid, int status, String detail) {}
