package org.masakari.engine.events;

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
import org.masakari.core.domain.Notification;
import org.masakari.engine.config.WebhookOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outbound webhooks (ours): every status change the engine makes (claim → running, → the outcome) is
 * POSTed as JSON to each configured URL, signed with HMAC-SHA256, retried with doubling pauses up to
 * {@code max_attempts}. Asynchronous and bounded: recovery never waits for a receiver; beyond
 * {@code queue_size} pending events new ones are dropped and logged.
 */
public final class WebhookNotifier implements VersionedNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);
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

  public WebhookNotifier(WebhookOptions options) {
    this.options = options;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(options.timeout()).build();
  }

  @Override
  public void processEvent(Notification n, String phase, String statusForPayload, Throwable fault) {
    ObjectNode body = JSON.createObjectNode();
    body.put("event", "notification.status");
    body.put("notification_uuid", n.getNotificationUuid());
    body.put("source_host_uuid", n.getSourceHostUuid());
    body.put("type", n.getTypeWire());
    if ("start".equals(phase)) {
      body.put("previous_status", statusForPayload);
      body.put("status", "running");
    } else {
      body.put("previous_status", "running");
      body.put("status", statusForPayload);
    }
    if (fault != null) {
      body.put("message", fault.getMessage());
    }
    body.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).toString());
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    for (var url : options.urls()) {
      if (pending.incrementAndGet() > options.queueSize()) {
        pending.decrementAndGet();
        LOG.warn("[notification={}] webhook {} dropped: {} events pending", n.getNotificationUuid(), url,
            options.queueSize());
        continue;
      }
      attempt(HttpRequest.newBuilder(url).timeout(options.timeout()).header("Content-Type", "application/json")
          .header(SIGNATURE_HEADER, signature(bytes)).POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(),
          1, n.getNotificationUuid());
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
  String signature(byte[] body) {
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
