package org.masakari.sim.nova;

import io.vertx.core.json.JsonObject;

/** Nova's fault body: {@code {"<name>": {"code": N, "message": "..."}}}, named by status (nova/api/openstack/wsgi.py). */
public final class NovaFaults {
  private NovaFaults() {}

  public static String name(int status) {
    return switch (status) {
      case 400 -> "badRequest";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "itemNotFound";
      case 405 -> "badMethod";
      case 409 -> "conflictingRequest";
      case 413, 429 -> "overLimit";
      case 415 -> "badMediaType";
      case 501 -> "notImplemented";
      case 503 -> "serviceUnavailable";
      default -> "computeFault";
    };
  }

  public static JsonObject body(int status, String message) {
    return new JsonObject().put(name(status), new JsonObject().put("code", status).put("message", message));
  }
}
