package org.masakari.core.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.masakari.core.config.WebhookOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound webhooks (ours, {@code [webhooks]}): every notification status change — the engine's claims and
 * outcomes, the expiry job's, an operator's retry or cancel — is POSTed as JSON to each configured URL,
 * signed with HMAC-SHA256, retried with doubling pauses up to {@code max_attempts}. Asynchronous and
 * bounded: neither recovery nor an API request waits for a receiver; beyond {@code queue_size} pending
 * events new ones are dropped and logged.
 */
public final class StatusWebhooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatusWebhooks.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String SIGNATURE_HEADER = "X-Masakari-Signature";

  private final WebhookOptions options;
  private final HttpClient http;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "webhook-retries");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger pending = new AtomicInteger();

  public StatusWebhooks(WebhookOptions options) {
    this.options = options;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.timeout()).build();
  }

  /** Null when no URL is configured: callers then send nothing. */
  public static StatusWebhooks of(WebhookOptions options) {
    return options.urls().isEmpty() ? null : new StatusWebhooks(options);
  }

  /** {@code {"event": "notification.status", …, "previous_status", "status", "message"?, "timestamp"}}. */
  public void statusChanged(String notificationUuid, String sourceHostUuid, String type, String previous,
      String status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", "notification.status");
    body.put("notification_uuid", notificationUuid);
    body.put("source_host_uuid", sourceHostUuid);
    body.put("type", type);
    body.put("previous_status", previous);
    body.put("status", status);
    if (message != null) {
      body.put("message", message);
    }
    body.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).toString());
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    for (var url : options.urls()) {
      if (pending.incrementAndGet() > options.queueSize()) {
        pending.decrementAndGet();
        LOG.warn("[notification={}] webhook {} dropped: {} events pending", notificationUuid, url, options.queueSize());
        continue;
      }
      attempt(HttpRequest.newBuilder(url).timeout(options.timeout()).header("Content-Type", "application/json")
          .header(SIGNATURE_HEADER, signature(bytes)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
          1, notificationUuid);
    }
  }

  private void attempt(HttpRequest request, int attempt, String uuid) {
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, err) -> {
      if (err == null && r.statusCode() < 300) {
        pending.decrementAndGet();
        return;
      }
      String why = err != null ? err.toString() : "HTTP " + r.statusCode();
      if (attempt >= options.maxAttempts() || retries.isShutdown()) {
        pending.decrementAndGet();
        LOG.warn("[notification={}] webhook {} failed after {} attempts: {}", uuid, request.uri(), attempt, why);
        return;
      }
      long pause = 1000L << Math.min(attempt - 1, 10);
      retries.schedule(() -> attempt(request, attempt + 1, uuid), pause, TimeUnit.MILLISECONDS);
    });
  }

  /** {@code sha256=<hex HMAC of the body>}; "unsigned" without a secret. */
  public String signature(byte[] body) {
    if (options.secret().isEmpty()) {
      return "unsigned";
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(options.secret().get().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  public int pending() {
    return pending.get();
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
