package org.masakari.sim.nova;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Request body checks with the messages Nova's jsonschema validation produces
 * ("Invalid input for field/attribute X. Value: V. reason"), values printed as Python prints them.
 */
final class Schema {
  private Schema() {}

  static JsonObject body(RoutingContext ctx) {
    String raw = ctx.body() == null ? null : ctx.body().asString();
    if (raw == null || raw.isBlank()) {
      throw ApiFault.badRequest("The request body is empty or malformed.");
    }
    try {
      return new JsonObject(raw);
    } catch (DecodeException | ClassCastException e) {
      throw ApiFault.badRequest("Malformed request body");
    }
  }

  /** The object under a required top-level key ({@code {"evacuate": {...}}}); null allowed when {@code nullable}. */
  static JsonObject member(JsonObject body, String key, boolean nullable) {
    if (!body.containsKey(key)) {
      throw invalid(key, body, "'" + key + "' is a required property");
    }
    Object v = body.getValue(key);
    if (v == null && nullable) {
      return new JsonObject();
    }
    if (v instanceof JsonObject o) {
      return o;
    }
    throw invalid(key, v, python(v) + " is not of type 'object'");
  }

  static void onlyKeys(String path, JsonObject o, Set<String> allowed) {
    List<String> extra = new ArrayList<>();
    for (String k : o.fieldNames()) {
      if (!allowed.contains(k)) {
        extra.add(k);
      }
    }
    if (!extra.isEmpty()) {
      extra.sort(String::compareTo);
      String names = extra.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", "));
      throw invalid(path, o, "Additional properties are not allowed (" + names
          + (extra.size() == 1 ? " was" : " were") + " unexpected)");
    }
  }

  static String optionalString(String path, JsonObject o, String key, int maxLength) {
    if (!o.containsKey(key)) {
      return null;
    }
    Object v = o.getValue(key);
    if (!(v instanceof String s)) {
      throw invalid(path + "/" + key, v, python(v) + " is not of type 'string'");
    }
    if (s.isEmpty() || s.length() > maxLength) {
      throw invalid(path + "/" + key, v, python(v) + (s.isEmpty() ? " is too short" : " is too long"));
    }
    return s;
  }

  /** oslo's strict bool_from_string, as Nova's "boolean" parameter type accepts. */
  static Boolean optionalBoolean(String path, JsonObject o, String key) {
    if (!o.containsKey(key)) {
      return null;
    }
    Object v = o.getValue(key);
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s) {
      switch (s.toLowerCase(java.util.Locale.ROOT)) {
        case "1", "t", "true", "on", "y", "yes" -> {
          return true;
        }
        case "0", "f", "false", "off", "n", "no" -> {
          return false;
        }
        default -> { }
      }
    }
    throw invalid(path + "/" + key, v, python(v) + " is not of type 'boolean', 'string'");
  }

  static ApiFault invalid(String path, Object value, String reason) {
    if (path.isEmpty()) {
      // Nova prints only jsonschema's message when the error is at the body's root
      return ApiFault.badRequest(reason);
    }
    return ApiFault.badRequest("Invalid input for field/attribute " + path + ". Value: " + str(value) + ". " + reason);
  }

  /** Python's str(): strings bare, containers in repr form. */
  static String str(Object v) {
    return v instanceof String s ? s : python(v);
  }

  /** Python's repr() of a JSON value. */
  static String python(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof String s) {
      return "'" + s.replace("'", "\\'") + "'";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof JsonObject o) {
      return o.getMap().entrySet().stream()
          .map(e -> python(e.getKey()) + ": " + python(wrap(e.getValue())))
          .collect(Collectors.joining(", ", "{", "}"));
    }
    if (v instanceof JsonArray a) {
      return a.stream().map(x -> python(wrap(x))).collect(Collectors.joining(", ", "[", "]"));
    }
    return String.valueOf(v);
  }

  @SuppressWarnings("unchecked")
  private static Object wrap(Object v) {
    if (v instanceof Map<?, ?> m) {
      return new JsonObject((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      return new JsonArray((List<Object>) l);
    }
    return v;
  }
}
