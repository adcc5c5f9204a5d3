package org.masakari.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A successful controller result: status and JSON body (null body for 204). A body may also be already
 * serialised ({@code json}): list bodies are written straight from the rows, and every body produced on the
 * worker pool is serialised there, so the event loop only copies bytes to the socket.
 */
public record Reply(int status, JsonNode body, byte[] json) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Reply(int status, JsonNode body) {
    this(status, body, null);
  }

  public static Reply ok(JsonNode body) {
    return new Reply(200, body);
  }

  /** A body already serialised as UTF-8 JSON. */
  public static Reply ok(byte[] json) {
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
    try {
      return new Reply(status, null, JSON.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean hasBody() {
    return body != null || json != null;
  }
}
