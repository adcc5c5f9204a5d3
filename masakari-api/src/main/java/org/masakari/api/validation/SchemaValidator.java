package org.masakari.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.concurrent.ConcurrentHashMap;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.domain.Uuids;

/**
 * JSON Schema Draft 4, the subset upstream's schemas use (type, enum, properties, patternProperties,
 * required, additionalProperties, minLength, maxLength, pattern, format, anyOf, minProperties), walked
 * in the schema's own keyword order so that the first error reported — and its wording — is the one
 * Python's jsonschema reports first. General-purpose validators (vertx-json-schema, networknt) validate
 * the same documents but word and order errors differently, and clients show these texts to operators.
 */
public final class SchemaValidator {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private SchemaValidator() {}

  public static Optional<ValidationError> validate(JsonNode schema, JsonNode instance) {
    List<ValidationError> errors = new ArrayList<>(1);
    walk(schema, instance == null ? JsonNodeFactory.instance.nullNode() : instance, new ArrayList<>(), errors);
    return errors.isEmpty() ? Optional.empty() : Optional.of(errors.get(0));
  }

  /** Returns true when valid; appends at most the first error found. */
  private static boolean walk(JsonNode schema, JsonNode inst, List<String> path, List<ValidationError> errors) {
    Iterator<Map.Entry<String, JsonNode>> it = schema.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> kw = it.next();
      if (!keyword(kw.getKey(), kw.getValue(), schema, inst, path, errors)) {
        return false;
      }
    }
    return true;
  }

  private static boolean fail(List<ValidationError> errors, List<String> path, JsonNode inst, String msg) {
    errors.add(new ValidationError(List.copyOf(path), inst, msg, false));
    return false;
  }

  private static boolean keyword(String key, JsonNode value, JsonNode schema, JsonNode inst, List<String> path,
      List<ValidationError> errors) {
    switch (key) {
      case "type" -> {
        List<String> types = new ArrayList<>();
        if (value.isArray()) {
          value.forEach(t -> types.add(t.asText()));
        } else {
          types.add(value.asText());
        }
        for (String t : types) {
          if (isType(inst, t)) {
            return true;
          }
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < types.size(); i++) {
          sb.append(i > 0 ? ", " : "").append(PyRepr.string(types.get(i)));
        }
        return fail(errors, path, inst, PyRepr.repr(inst) + " is not of type " + sb);
      }
      case "enum" -> {
        for (JsonNode e : value) {
          if (pyEquals(e, inst)) {
            return true;
          }
        }
        String listed = PyRepr.repr(value);
        if (schema.path("x-tuple").asBoolean(false)) {
          listed = "(" + listed.substring(1, listed.length() - 1) + ")";
        }
        return fail(errors, path, inst, PyRepr.repr(inst) + " is not one of " + listed);
      }
      case "minLength" -> {
        if (inst.isTextual() && inst.textValue().codePointCount(0, inst.textValue().length()) < value.asInt()) {
          return fail(errors, path, inst, PyRepr.repr(inst) + " is too short");
        }
        return true;
      }
      case "maxLength" -> {
        if (inst.isTextual() && inst.textValue().codePointCount(0, inst.textValue().length()) > value.asInt()) {
          return fail(errors, path, inst, PyRepr.repr(inst) + " is too long");
        }
        return true;
      }
      case "pattern" -> {
        if (inst.isTextual() && !pattern(value.asText()).matcher(inst.textValue()).find()) {
          return fail(errors, path, inst, PyRepr.repr(inst) + " does not match " + PyRepr.string(value.asText()));
        }
        return true;
      }
      case "format" -> {
        return format(value.asText(), inst, path, errors);
      }
      case "properties" -> {
        if (!inst.isObject()) {
          return true;
        }
        Iterator<Map.Entry<String, JsonNode>> props = value.fields();
        while (props.hasNext()) {
          Map.Entry<String, JsonNode> p = props.next();
          if (inst.has(p.getKey())) {
            path.add(p.getKey());
            boolean ok = walk(p.getValue(), inst.get(p.getKey()), path, errors);
            path.remove(path.size() - 1);
            if (!ok) {
              return false;
            }
          }
        }
        return true;
      }
      case "patternProperties" -> {
        if (!inst.isObject()) {
          return true;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = inst.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> f = fields.next();
          Iterator<Map.Entry<String, JsonNode>> pats = value.fields();
          while (pats.hasNext()) {
            Map.Entry<String, JsonNode> p = pats.next();
            if (pattern(p.getKey()).matcher(f.getKey()).find()) {
              path.add(f.getKey());
              boolean ok = walk(p.getValue(), f.getValue(), path, errors);
              path.remove(path.size() - 1);
              if (!ok) {
                return false;
              }
            }
          }
        }
        return true;
      }
      case "required" -> {
        if (!inst.isObject()) {
          return true;
        }
        for (JsonNode r : value) {
          if (!inst.has(r.asText())) {
            return fail(errors, path, inst, PyRepr.string(r.asText()) + " is a required property");
          }
        }
        return true;
      }
      case "minProperties" -> {
        if (inst.isObject() && inst.size() < value.asInt()) {
          return fail(errors, path, inst, PyRepr.repr(inst) + " does not have enough properties");
        }
        return true;
      }
      case "maxProperties" -> {
        if (inst.isObject() && inst.size() > value.asInt()) {
          return fail(errors, path, inst, PyRepr.repr(inst) + " has too many properties");
        }
        return true;
      }
      case "additionalProperties" -> {
        if (!inst.isObject() || value.asBoolean(true)) {
          return true;
        }
        List<String> extras = new ArrayList<>();
        JsonNode props = schema.path("properties");
        JsonNode pats = schema.path("patternProperties");
        inst.fieldNames().forEachRemaining(name -> {
          if (props.has(name)) {
            return;
          }
          Iterator<String> ps = pats.fieldNames();
          while (ps.hasNext()) {
            if (pattern(ps.next()).matcher(name).find()) {
              return;
            }
          }
          extras.add(name);
        });
        if (extras.isEmpty()) {
          return true;
        }
        if (pats.size() > 0) {
          TreeSet<String> sorted = new TreeSet<>(extras);
          List<String> reprs = sorted.stream().map(PyRepr::string).toList();
          List<String> patterns = new ArrayList<>();
          new TreeSet<String>(iterToList(pats.fieldNames())).forEach(p -> patterns.add(PyRepr.string(p)));
          return fail(errors, path, inst, String.join(", ", reprs) + (sorted.size() == 1 ? " does" : " do")
              + " not match any of the regexes: " + String.join(", ", patterns));
        }
        List<String> reprs = extras.stream().map(PyRepr::string).toList();
        return fail(errors, path, inst, "Additional properties are not allowed (" + String.join(", ", reprs)
            + (extras.size() == 1 ? " was" : " were") + " unexpected)");
      }
      case "anyOf" -> {
        for (JsonNode sub : value) {
          if (walk(sub, inst, new ArrayList<>(path), new ArrayList<>())) {
            return true;
          }
        }
        return fail(errors, path, inst, PyRepr.repr(inst) + " is not valid under any of the given schemas");
      }
      default -> {
        return true; // annotations such as description, x-tuple
      }
    }
  }

  private static List<String> iterToList(Iterator<String> it) {
    List<String> l = new ArrayList<>();
    it.forEachRemaining(l::add);
    return l;
  }

  private static boolean format(String format, JsonNode inst, List<String> path, List<ValidationError> errors) {
    if (!inst.isTextual()) {
      return true;
    }
    String s = inst.textValue();
    boolean ok = switch (format) {
      case "name" -> Printable.isValidName(s);
      case "description" -> Printable.isValidDescription(s);
      case "uuid" -> Uuids.isUuidLike(s);
      case "date-time" -> IsoTime.parse(s).isPresent();
      default -> true;
    };
    if (ok) {
      return true;
    }
    if (format.equals("name")) {
      errors.add(new ValidationError(List.copyOf(path), inst, "", true));
      return false;
    }
    return fail(errors, path, inst, PyRepr.repr(inst) + " is not a " + PyRepr.string(format));
  }

  private static boolean isType(JsonNode v, String type) {
    return switch (type) {
      case "object" -> v.isObject();
      case "array" -> v.isArray();
      case "string" -> v.isTextual();
      case "boolean" -> v.isBoolean();
      case "integer" -> v.isIntegralNumber();
      case "number" -> v.isNumber();
      case "null" -> v.isNull();
      default -> false;
    };
  }

  /** Python == between JSON values: True == 1 and False == 0, but types otherwise must agree. */
  private static boolean pyEquals(JsonNode a, JsonNode b) {
    if (a.isBoolean() && b.isNumber()) {
      return b.isIntegralNumber() && b.asLong() == (a.booleanValue() ? 1 : 0);
    }
    if (b.isBoolean() && a.isNumber()) {
      return pyEquals(b, a);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  private static Pattern pattern(String regex) {
    return PATTERNS.computeIfAbsent(regex, Pattern::compile);
  }
}
