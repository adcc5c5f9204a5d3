package org.masakari.core.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.masakari.core.domain.Notification;
import org.masakari.core.fault.Fault;
import org.masakari.core.service.NewNotification;
import org.masakari.core.service.NotificationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/webhooks/alertmanager} (ours): Alertmanager's webhook body (version 4) in, one
 * notification per firing alert that a rule maps, created through {@link NotificationService#create} — so
 * the same host, maintenance and duplicate rules apply as to a POSTed notification. Unmapped and
 * resolved alerts are logged and reported, never dropped silently.
 */
public final class AlertmanagerReceiver {
  private static final Logger LOG = LoggerFactory.getLogger(AlertmanagerReceiver.class);

  private final AlertmanagerOptions options;
  private final NotificationService notifications;

  public AlertmanagerReceiver(AlertmanagerOptions options, NotificationService notifications) {
    this.options = options;
    this.notifications = notifications;
  }

  /** True when the {@code Authorization} header carries the configured bearer secret (constant-time compare). */
  public boolean bearerAccepted(String authorizationHeader) {
    if (options.bearerToken().isEmpty() || authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
      return false;
    }
    return MessageDigest.isEqual(options.bearerToken().get().getBytes(StandardCharsets.UTF_8),
        authorizationHeader.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws Fault 400 when the body is not an Alertmanager webhook (version 4)
   */
  public List<AlertOutcome> receive(JsonNode body) {
    if (body == null || !body.path("alerts").isArray()) {
      throw Fault.badRequest("Not an Alertmanager webhook: 'alerts' array missing.");
    }
    if (body.hasNonNull("version") && !"4".equals(body.get("version").asText())) {
      throw Fault.badRequest("Unsupported Alertmanager webhook version " + body.get("version").asText() + ".");
    }
    List<AlertOutcome> out = new ArrayList<>();
    for (JsonNode alert : body.get("alerts")) {
      out.add(one(alert));
    }
    return out;
  }

  private AlertOutcome one(JsonNode alert) {
    Map<String, String> labels = new HashMap<>();
    alert.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    String name = labels.getOrDefault("alertname", "");
    String status = alert.path("status").asText("firing");
    if (!"firing".equals(status)) {
      LOG.info("alert {} {}: not acted on (labels {})", name, status, labels);
      return new AlertOutcome(name, "resolved", null, 202, "only firing alerts create notifications");
    }
    AlertRule rule = options.rules().stream().filter(r -> r.alertName().equals(name)).findFirst().orElse(null);
    String host = hostName(labels);
    if (rule == null || host == null) {
      String why = rule == null ? "no rule maps alertname '" + name + "'" : "no host label " + options.hostLabels();
      LOG.warn("alert {} unmapped: {} (labels {})", name, why, labels);
      return new AlertOutcome(name, "unmapped", null, 202, why);
    }
    try {
      Notification n = notifications.create(new NewNotification(rule.type(), host, startsAt(alert),
          rule.payload(labels)));
      LOG.info("[notification={}] [host={}] created from alert {}", n.getNotificationUuid(), host, name);
      return new AlertOutcome(name, "created", n.getNotificationUuid(), 202, null);
    } catch (Fault f) {
      LOG.warn("[host={}] alert {} rejected: {}", host, name, f.getMessage());
      return new AlertOutcome(name, "rejected", null, f.status(), f.getMessage());
    }
  }

  private String hostName(Map<String, String> labels) {
    for (String l : options.hostLabels()) {
      String v = labels.get(l);
      if (v != null && !v.isBlank()) {
        int colon = v.lastIndexOf(':');
        // Prometheus' "instance" is host:port; IPv6 literals keep their colons
        return colon > 0 && v.indexOf(':') == colon && v.substring(colon + 1).chars().allMatch(Character::isDigit)
            ? v.substring(0, colon) : v;
      }
    }
    return null;
  }

  /** The alert's start as generated_time (UTC), so a re-sent alert is a duplicate within the window. */
  private static LocalDateTime startsAt(JsonNode alert) {
    try {
      return OffsetDateTime.parse(alert.path("startsAt").asText()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    } catch (RuntimeException e) {
      return LocalDateTime.now(ZoneOffset.UTC);
    }
  }
}
