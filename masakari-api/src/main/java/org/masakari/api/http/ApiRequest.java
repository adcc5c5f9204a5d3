package org.masakari.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import java.util.Map;
import org.masakari.api.auth.RequestContext;

/** One v1 request after routing: identity, version, path variables, query and the raw body. */
public record ApiRequest(String method, RequestContext context, Microversion version, Map<String, String> pathVars,
    MultiMap query, Buffer body, String requestId, String baseUrl) {

  public String path(String name) {
    return pathVars.get(name);
  }

  /** Last value of a query parameter, or null (webob's req.params[name] semantics). */
  public String param(String name) {
    List<String> all = query.getAll(name);
    return all.isEmpty() ? null : all.get(all.size() - 1);
  }

  public List<String> params(String name) {
    return query.getAll(name);
  }

  public boolean hasParam(String name) {
    return query.contains(name);
  }

  /** The parsed JSON body; {@code null} JSON for an empty body (upstream: "None is not of type 'object'"). */
  public JsonNode json() {
    return BodyParser.parse(body);
  }
}
