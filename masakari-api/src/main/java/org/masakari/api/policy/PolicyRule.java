package org.masakari.api.policy;

import java.util.List;
import java.util.Map;

/** A parsed oslo.policy check expression. */
sealed interface PolicyRule {
  boolean check(Policy policy, Map<String, Object> target, Map<String, Object> creds, int depth);

  record Always(boolean value) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      return value;
    }
  }

  record Not(PolicyRule rule) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      return !rule.check(p, t, c, d);
    }
  }

  record And(List<PolicyRule> rules) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      return rules.stream().allMatch(r -> r.check(p, t, c, d));
    }
  }

  record Or(List<PolicyRule> rules) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      return rules.stream().anyMatch(r -> r.check(p, t, c, d));
    }
  }

  /** {@code rule:name}: another rule by name (unknown names are false). */
  record RuleRef(String name) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      return p.evaluate(name, t, c, d + 1);
    }
  }

  /** {@code role:name}: case-insensitive membership in the caller's roles. */
  record Role(String role) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      String wanted = substitute(role, t).toLowerCase(java.util.Locale.ROOT);
      Object roles = c.get("roles");
      if (roles instanceof List<?> l) {
        return l.stream().anyMatch(r -> String.valueOf(r).toLowerCase(java.util.Locale.ROOT).equals(wanted));
      }
      return false;
    }
  }

  /**
   * {@code key:value}: a credential compared with a literal ('True', 'text', 42) or with a target
   * value {@code %(name)s}.
   */
  record Generic(String key, String value) implements PolicyRule {
    @Override
    public boolean check(Policy p, Map<String, Object> t, Map<String, Object> c, int d) {
      Object actual = c.get(key);
      String v = value;
      if (v.startsWith("%(") && v.endsWith(")s")) {
        Object tv = t.get(v.substring(2, v.length() - 2));
        return tv != null && actual != null && String.valueOf(tv).equals(String.valueOf(actual));
      }
      if ((v.startsWith("'") && v.endsWith("'")) || (v.startsWith("\"") && v.endsWith("\""))) {
        v = v.substring(1, v.length() - 1);
        return actual != null && v.equals(String.valueOf(actual));
      }
      if (v.equals("True") || v.equals("False")) {
        return actual instanceof Boolean b && b == Boolean.parseBoolean(v);
      }
      return actual != null && v.equals(String.valueOf(actual));
    }
  }

  static String substitute(String s, Map<String, Object> target) {
    if (s.startsWith("%(") && s.endsWith(")s")) {
      Object v = target.get(s.substring(2, s.length() - 2));
      return v == null ? "" : String.valueOf(v);
    }
    return s;
  }
}
