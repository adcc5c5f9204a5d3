package org.masakari.api.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.masakari.api.auth.RequestContext;
import org.masakari.core.fault.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's policy-in-code (everything admin-only), overridable rule by rule from a YAML or JSON
 * policy file in oslo.policy syntax.
 */
public final class Policy {
  private static final Logger LOG = LoggerFactory.getLogger(Policy.class);
  private static final int MAX_DEPTH = 32;
  private final Map<String, PolicyRule> rules;

  private Policy(Map<String, PolicyRule> rules) {
    this.rules = rules;
  }

  public static Map<String, String> defaults() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("context_is_admin", "role:admin");
    d.put("admin_or_owner", "is_admin:True or project_id:%(project_id)s");
    d.put("admin_api", "is_admin:True");
    for (String a : List.of("index", "detail", "create", "update", "delete", "discoverable")) {
      d.put("os_masakari_api:segments:" + a, "rule:admin_api");
      d.put("os_masakari_api:os-hosts:" + a, "rule:admin_api");
    }
    for (String a : List.of("index", "detail", "create", "action", "discoverable")) {
      d.put("os_masakari_api:notifications:" + a, "rule:admin_api");
    }
    d.put("os_masakari_api:webhooks:alertmanager", "rule:admin_api");
    for (String a : List.of("index", "detail", "discoverable")) {
      d.put("os_masakari_api:vmoves:" + a, "rule:admin_api");
      d.put("os_masakari_api:extensions:" + a, "rule:admin_api");
    }
    d.put("os_masakari_api:versions:index", "@");
    d.put("os_masakari_api:versions:discoverable", "@");
    return d;
  }

  public static Policy defaultsOnly() {
    return from(defaults());
  }

  static Policy from(Map<String, String> text) {
    Map<String, PolicyRule> parsed = new HashMap<>();
    text.forEach((k, v) -> {
      try {
        parsed.put(k, PolicyParser.parse(v));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("policy rule '" + k + "': " + e.getMessage(), e);
      }
    });
    return new Policy(Map.copyOf(parsed));
  }

  /** Defaults overlaid with the file's rules; a missing file means defaults (as oslo.policy). */
  public static Policy load(Path file) {
    Map<String, String> text = defaults();
    if (file != null && Files.isRegularFile(file)) {
      try {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        if (doc != null && doc.isObject()) {
          doc.fields().forEachRemaining(e -> text.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
          throw new IllegalArgumentException(file + ": a policy file must be a mapping of rule names to rules");
        }
        LOG.info("policy rules loaded from {}", file);
      } catch (IOException e) {
        throw new IllegalArgumentException(file + ": cannot read policy file: " + e.getMessage(), e);
      }
    }
    return from(text);
  }

  boolean evaluate(String name, Map<String, Object> target, Map<String, Object> creds, int depth) {
    PolicyRule r = rules.get(name);
    if (r == null || depth > MAX_DEPTH) {
      return false;
    }
    return r.check(this, target, creds, depth);
  }

  public static Map<String, Object> credentials(RequestContext ctx) {
    Map<String, Object> c = new HashMap<>();
    c.put("user_id", ctx.userId());
    c.put("project_id", ctx.projectId());
    c.put("roles", ctx.roles());
    c.put("is_admin", ctx.isAdmin());
    c.put("system_scope", ctx.systemScope());
    return c;
  }

  /** context_is_admin for a Keystone context. */
  public boolean isAdmin(RequestContext ctx) {
    return evaluate("context_is_admin", Map.of(), credentials(ctx.withAdmin(false)), 0);
  }

  public boolean allows(String action, RequestContext ctx) {
    Map<String, Object> target = new HashMap<>();
    target.put("project_id", ctx.projectId());
    target.put("user_id", ctx.userId());
    return evaluate(action, target, credentials(ctx), 0);
  }

  /** 403 with upstream's text unless allowed. */
  public void authorize(String action, RequestContext ctx) {
    if (!allows(action, ctx)) {
      throw Fault.forbidden("Policy doesn't allow " + action + " to be performed.");
    }
  }
}
