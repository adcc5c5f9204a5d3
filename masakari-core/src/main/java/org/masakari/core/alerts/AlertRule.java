package org.masakari.core.alerts;

import java.util.Map;
import org.masakari.core.domain.NotificationType;

/**
 * One mapping from a firing alert to a notification, written in {@code [alertmanager] rules} as
 * {@code alertname:TYPE[:argument]}, comma separated:
 * <ul>
 *   <li>{@code HostDown:COMPUTE_HOST:NORMAL} — a host failure; the argument is the {@code host_status} to send
 *       (default {@code UNKNOWN}, which the engine ignores: only say NORMAL when the alert proves the host is off)</li>
 *   <li>{@code NovaComputeDown:PROCESS:nova-compute} — a process failure of the named process (default: the
 *       alert's {@code process} label)</li>
 *   <li>{@code InstanceCrashed:VM} — an instance failure (LIFECYCLE / STOPPED_FAILED) of the alert's
 *       {@code instance_uuid} label</li>
 * </ul>
 */
public record AlertRule(String alertName, NotificationType type, String argument) {
  /** The notification payload for a firing alert with these labels (upstream's payload schemas). */
  Map<String, String> payload(Map<String, String> labels) {
    return switch (type) {
      case COMPUTE_HOST -> Map.of("event", "STOPPED", "cluster_status", "OFFLINE",
          "host_status", argument == null ? "UNKNOWN" : argument);
      case PROCESS -> Map.of("event", "STOPPED", "process_name",
          argument != null ? argument : labels.getOrDefault("process", ""));
      case VM -> Map.of("event", "LIFECYCLE", "vir_domain_event", "STOPPED_FAILED",
          "instance_uuid", labels.getOrDefault("instance_uuid", ""));
    };
  }

  /** Parses {@code [alertmanager] rules}. @throws IllegalArgumentException naming the bad rule */
  public static java.util.List<AlertRule> parseAll(String text) {
    java.util.List<AlertRule> out = new java.util.ArrayList<>();
    for (String raw : text.split(",")) {
      if (raw.isBlank()) {
        continue;
      }
      String[] p = raw.strip().split(":", 3);
      if (p.length < 2 || p[0].isBlank()) {
        throw new IllegalArgumentException("rule '" + raw.strip() + "' is not alertname:TYPE[:argument]");
      }
      NotificationType t;
      try {
        t = NotificationType.valueOf(p[1].strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("rule '" + raw.strip() + "': type must be COMPUTE_HOST, PROCESS or VM");
      }
      String arg = p.length == 3 && !p[2].isBlank() ? p[2].strip() : null;
      if (t == NotificationType.COMPUTE_HOST && arg != null && !arg.equals("NORMAL") && !arg.equals("UNKNOWN")) {
        throw new IllegalArgumentException("rule '" + raw.strip() + "': host_status must be NORMAL or UNKNOWN");
      }
      out.add(new AlertRule(p[0].strip(), t, arg));
    }
    return out;
  }
}
