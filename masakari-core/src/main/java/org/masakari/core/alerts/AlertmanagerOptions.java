package org.masakari.core.alerts;

import java.util.List;
import java.util.Optional;
import org.masakari.client.config.Section;

/**
 * {@code [alertmanager]} (ours).
 *
 * @param rules {@code rules}: see {@link AlertRule}; empty = every alert is unmapped (answered, logged)
 * @param hostLabels {@code host_labels}, default {@code host,hostname,instance,nodename}: the labels tried in
 *     order for the host name; a {@code host:port} value loses its port (Prometheus' {@code instance})
 * @param bearerToken {@code bearer_token}: a shared secret Alertmanager may send as
 *     {@code Authorization: Bearer …} instead of a Keystone token; unset = Keystone only
 */
public record AlertmanagerOptions(List<AlertRule> rules, List<String> hostLabels, Optional<String> bearerToken) {
  public static AlertmanagerOptions from(Section s) {
    List<AlertRule> rules;
    try {
      rules = AlertRule.parseAll(s.string("rules", ""));
    } catch (IllegalArgumentException e) {
      throw s.invalid("rules", e.getMessage());
    }
    return new AlertmanagerOptions(rules, s.list("host_labels", List.of("host", "hostname", "instance", "nodename")),
        s.optString("bearer_token"));
  }
}
