package org.masakari.api.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * oslo.policy's check language: {@code @}, {@code !}, empty (always), {@code rule:}, {@code role:},
 * generic {@code key:value} checks, {@code not}, {@code and}, {@code or} (in that precedence) and
 * parentheses.
 */
final class PolicyParser {
  private final List<String> tokens;
  private int pos;

  private PolicyParser(List<String> tokens) {
    this.tokens = tokens;
  }

  static PolicyRule parse(String expr) {
    if (expr == null || expr.isBlank()) {
      return new PolicyRule.Always(true);
    }
    PolicyParser p = new PolicyParser(tokenize(expr));
    PolicyRule r = p.or();
    if (p.pos != p.tokens.size()) {
      throw new IllegalArgumentException("unexpected '" + p.tokens.get(p.pos) + "' in policy rule: " + expr);
    }
    return r;
  }

  private static List<String> tokenize(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (char c : s.toCharArray()) {
      if (quote != 0) {
        cur.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        cur.append(c);
      } else if (c == '(' && cur.length() > 0 && cur.charAt(cur.length() - 1) == '%') {
        cur.append(c); // %(target)s substitution, not a group
      } else if (c == ')' && cur.lastIndexOf("%(") > cur.lastIndexOf(")")) {
        cur.append(c);
      } else if (c == '(' || c == ')') {
        flush(out, cur);
        out.add(String.valueOf(c));
      } else if (Character.isWhitespace(c)) {
        flush(out, cur);
      } else {
        cur.append(c);
      }
    }
    flush(out, cur);
    return out;
  }

  private static void flush(List<String> out, StringBuilder cur) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  private PolicyRule or() {
    List<PolicyRule> parts = new ArrayList<>();
    parts.add(and());
    while (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("or")) {
      pos++;
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new PolicyRule.Or(List.copyOf(parts));
  }

  private PolicyRule and() {
    List<PolicyRule> parts = new ArrayList<>();
    parts.add(not());
    while (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("and")) {
      pos++;
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new PolicyRule.And(List.copyOf(parts));
  }

  private PolicyRule not() {
    if (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("not")) {
      pos++;
      return new PolicyRule.Not(not());
    }
    return atom();
  }

  private PolicyRule atom() {
    if (pos >= tokens.size()) {
      throw new IllegalArgumentException("policy rule ends too early");
    }
    String t = tokens.get(pos++);
    if (t.equals("(")) {
      PolicyRule r = or();
      if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
        throw new IllegalArgumentException("missing ')' in policy rule");
      }
      pos++;
      return r;
    }
    if (t.equals("@")) {
      return new PolicyRule.Always(true);
    }
    if (t.equals("!")) {
      return new PolicyRule.Always(false);
    }
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("not a check: '" + t + "'");
    }
    String kind = t.substring(0, colon);
    String value = t.substring(colon + 1);
    return switch (kind) {
      case "rule" -> new PolicyRule.RuleRef(value);
      case "role" -> new PolicyRule.Role(value);
      default -> new PolicyRule.Generic(kind, value);
    };
  }
}
