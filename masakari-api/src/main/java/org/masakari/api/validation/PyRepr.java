package org.masakari.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Python's repr() and str() of JSON values, because upstream's validation messages embed them
 * ("Value: {'name': 'x'}", "'manual' is not one of [...]") and clients show those texts verbatim.
 */
public final class PyRepr {
  private PyRepr() {}

  public static String str(JsonNode v) {
    return v != null && v.isTextual() ? v.textValue() : repr(v);
  }

  public static String repr(JsonNode v) {
    StringBuilder sb = new StringBuilder();
    append(sb, v);
    return sb.toString();
  }

  private static void append(StringBuilder sb, JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      sb.append("None");
    } else if (v.isBoolean()) {
      sb.append(v.booleanValue() ? "True" : "False");
    } else if (v.isIntegralNumber()) {
      sb.append(v.bigIntegerValue());
    } else if (v.isNumber()) {
      sb.append(floatRepr(v.doubleValue()));
    } else if (v.isTextual()) {
      sb.append(string(v.textValue()));
    } else if (v.isArray()) {
      sb.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        append(sb, v.get(i));
      }
      sb.append(']');
    } else if (v.isObject()) {
      sb.append('{');
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      boolean first = true;
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) {
          sb.append(", ");
        }
        first = false;
        sb.append(string(e.getKey())).append(": ");
        append(sb, e.getValue());
      }
      sb.append('}');
    } else {
      sb.append(v.toString());
    }
  }

  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e16) {
      return String.valueOf((long) d) + ".0";
    }
    String s = Double.toString(d);
    return s.replace("E", "e+").replace("e+-", "e-");
  }

  /** repr of a Python str: single quotes unless the text has ' and no ". */
  public static String string(String s) {
    char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
    StringBuilder sb = new StringBuilder().append(q);
    s.codePoints().forEach(cp -> {
      if (cp == q || cp == '\\') {
        sb.append('\\').appendCodePoint(cp);
      } else if (cp == '\n') {
        sb.append("\\n");
      } else if (cp == '\r') {
        sb.append("\\r");
      } else if (cp == '\t') {
        sb.append("\\t");
      } else if (cp < 0x20 || cp == 0x7f) {
        sb.append(String.format("\\x%02x", cp));
      } else if (!Printable.isPrintable(cp)) {
        if (cp <= 0xff) {
          sb.append(String.format("\\x%02x", cp));
        } else if (cp <= 0xffff) {
          sb.append(String.format("\\u%04x", cp));
        } else {
          sb.append(String.format("\\U%08x", cp));
        }
      } else {
        sb.appendCodePoint(cp);
      }
    });
    return sb.append(q).toString();
  }
}
