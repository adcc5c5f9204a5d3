package org.masakari.core.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.masakari.client.config.Section;

/**
 * {@code [webhooks]} (ours): where notification state changes are POSTed.
 *
 * @param urls {@code urls}, comma separated; empty (default) = no webhooks
 * @param secret {@code secret}: HMAC-SHA256 key; the body's signature goes in
 *     {@code X-Masakari-Signature: sha256=<hex>}; unset = unsigned
 * @param timeout {@code timeout}, default 5 s per attempt
 * @param maxAttempts {@code max_attempts}, default 5; pauses double from 1 s
 * @param queueSize {@code queue_size}, default 1000 events waiting or in flight; more are dropped and logged
 */
public record WebhookOptions(List<URI> urls, Optional<String> secret, Duration timeout, int maxAttempts,
    int queueSize) {
  public static WebhookOptions from(Section s) {
    List<URI> urls = s.list("urls", List.of()).stream().map(u -> {
      URI uri;
      try {
        uri = URI.create(u);
      } catch (IllegalArgumentException e) {
        throw s.invalid("urls", "not a URL: " + u);
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw s.invalid("urls", "not an http(s) URL: " + u);
      }
      return uri;
    }).toList();
    return new WebhookOptions(urls, s.optString("secret"), s.fractionalSeconds("timeout", 5, 0.01),
        s.integer("max_attempts", 5, 1, 100), s.integer("queue_size", 1000, 1, 1_000_000));
  }
}
