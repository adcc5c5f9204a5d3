package org.masakari.core.fault;

/**
 * A domain failure that carries its upstream HTTP status and message. The API's one failure handler
 * turns it into {@code {"<faultName>": {"code": N, "message": "..."}}}; nothing else maps errors.
 */
public class Fault extends RuntimeException {
  private final int status;

  public Fault(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** The upstream fault key for the status (masakari/api/openstack/wsgi.py). */
  public String faultName() {
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
      default -> "masakariFault";
    };
  }

  public static Fault badRequest(String message) {
    return new Fault(400, message);
  }

  public static Fault invalidInput(String reason) {
    return new Fault(400, "Invalid input received: " + reason);
  }

  public static Fault notFound(String message) {
    return new Fault(404, message);
  }

  public static Fault conflict(String message) {
    return new Fault(409, message);
  }

  public static Fault forbidden(String message) {
    return new Fault(403, message);
  }

  public static Fault segmentNotFound(String id) {
    return notFound("No failover segment with id " + id + ".");
  }

  public static Fault hostNotFound(String id) {
    return notFound("No host with id " + id + ".");
  }

  public static Fault hostNotFoundUnderSegment(String host, String segment) {
    return notFound("Host '" + host + "' under failover_segment '" + segment + "' could not be found.");
  }

  public static Fault notificationNotFound(String id) {
    return notFound("No notification with id " + id + ".");
  }

  public static Fault vmoveNotFound(String id) {
    return notFound("No vm move with id " + id + ".");
  }

  public static Fault markerNotFound(String marker) {
    return badRequest("Marker " + marker + " could not be found.");
  }

  public static Fault invalidSortKey(String key) {
    // upstream leaks the exception repr here; clients display it verbatim
    return badRequest("InvalidSortKey('Sort key supplied is invalid: " + key + "')");
  }
}
