package org.masakari.api.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful controller result: status and JSON body (null body for 204). A body may also be already
 * serialised ({@code json}): list bodies are written straight from the rows, and every body produced on the
 * worker pool is serialised there, so the event loop only copies bytes to the socket.
 */
public record Reply(int status, JsonNode body, io.vertx.core.buffer.Buffer json) {

  public Reply(int status, JsonNode body) {
    this(status, body, null);
  }

  public static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  /** A body already serialised as UTF-8 JSON. */
  public static Reply ok(io.vertx.core.buffer.Buffer json) {
    return new Reply(200, null, json);
  }

  public static Reply created(JsonNode body) {
    return new Reply(201, body);
  }

  public static Reply accepted(JsonNode body) {
    return new Reply(202, body);
  }

  public static Reply noContent() {
    return new Reply(204, null);
  }

  /** This reply with its body serialised (to run off the event loop). */
  public Reply serialized() {
    if (json != null || body == null) {
      return this;
    }
    return new Reply(status, null, ResponseWriter.json(body));
  }

  public boolean hasBody() {
    return body != null || json != null;
  }
}
