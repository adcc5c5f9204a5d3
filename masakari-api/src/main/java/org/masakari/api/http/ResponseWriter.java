package org.masakari.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import org.masakari.core.fault.Fault;

/** Writes responses with upstream's headers: success vs fault content types and version headers. */
public final class ResponseWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String NOT_FOUND_PLAIN =
      "{\"message\": \"The resource could not be found.<br /><br />\\n\\n\\n\", \"code\": \"404 Not Found\", \"title\": \"Not Found\"}";

  private ResponseWriter() {}

  static Buffer json(JsonNode body) {
    BufferOutput out = new BufferOutput(256);
    try {
      JSON.writeValue(out, body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    return out.buffer();
  }

  public static void success(HttpServerResponse resp, Reply reply, Microversion v) {
    resp.setStatusCode(reply.status());
    resp.putHeader("Content-Type", "application/json");
    if (v != null) {
      resp.putHeader(Microversion.HEADER, "masakari " + v);
      resp.putHeader("Vary", Microversion.HEADER);
    }
    if (!reply.hasBody()) {
      resp.putHeader("Content-Length", "0").end();
    } else if (reply.json() != null) {
      resp.end(reply.json());
    } else {
      resp.end(json(reply.body()));
    }
  }

  /** An upstream fault body; the version header says instance-ha (sic) when a version is known. */
  public static void fault(HttpServerResponse resp, Fault f, String version) {
    ObjectNode inner = JSON.createObjectNode();
    inner.put("code", f.status());
    inner.put("message", f.getMessage());
    ObjectNode body = JSON.createObjectNode();
    body.set(f.faultName(), inner);
    resp.setStatusCode(f.status());
    resp.putHeader("Content-Type", "application/json; charset=UTF-8");
    if (version != null) {
      resp.putHeader(Microversion.HEADER, Microversion.SERVICE + " " + version);
      resp.putHeader("Vary", Microversion.HEADER);
    }
    resp.end(json(body));
  }

  /** webob's plain errors (outside the controllers): 404, 413, keystone context 401. */
  public static void plain(HttpServerResponse resp, int status, String body) {
    resp.setStatusCode(status);
    resp.putHeader("Content-Type", "application/json");
    resp.end(body);
  }

  public static void plain404(HttpServerResponse resp) {
    plain(resp, 404, NOT_FOUND_PLAIN);
  }

  public static void plainJson(HttpServerResponse resp, int status, JsonNode body) {
    resp.setStatusCode(status);
    resp.putHeader("Content-Type", "application/json");
    resp.end(json(body));
  }
}
