package org.masakari.core.config;

import java.util.List;
import java.util.Optional;
import org.masakari.client.config.Section;
import org.masakari.core.queue.TransportUrl;

/**
 * Versioned notifications: {@code [oslo_messaging_notifications] driver} ({@code messagingv2} or
 * {@code messaging} to emit; unset/{@code noop} = nothing, upstream's default), its {@code transport_url}
 * (default {@code [DEFAULT] transport_url}) and {@code [DEFAULT] control_exchange} (the topic exchange,
 * default {@code masakari}).
 */
public record NotificationsOptions(boolean enabled, Optional<TransportUrl> transportUrl, String exchange) {
  public static NotificationsOptions from(Section d, Section n) {
    List<String> drivers = n.list("driver", List.of());
    boolean enabled = drivers.stream().anyMatch(x -> x.equals("messagingv2") || x.equals("messaging"));
    Optional<String> raw = n.optString("transport_url").or(() -> d.optString("transport_url"));
    Optional<TransportUrl> url = raw.map(u -> {
      try {
        return TransportUrl.parse(u);
      } catch (IllegalArgumentException e) {
        throw n.invalid("transport_url", e.getMessage());
      }
    });
    if (enabled && url.isEmpty()) {
      throw n.invalid("driver", "messagingv2 needs a transport_url ([oslo_messaging_notifications] or [DEFAULT])");
    }
    n.accept("topics", "retry");
    return new NotificationsOptions(enabled, url, d.string("control_exchange", "masakari"));
  }
}
