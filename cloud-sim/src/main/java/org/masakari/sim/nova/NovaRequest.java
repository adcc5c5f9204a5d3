package org.masakari.sim.nova;

import io.vertx.ext.web.RoutingContext;
import org.masakari.sim.cloud.Caller;

/** What every Nova handler needs: who calls, at which microversion, and the request id. */
public record NovaRequest(Caller caller, Microversion version, String requestId, String baseUrl) {
  static final String KEY = "nova.request";

  public static NovaRequest of(RoutingContext ctx) {
    return ctx.get(KEY);
  }
}
