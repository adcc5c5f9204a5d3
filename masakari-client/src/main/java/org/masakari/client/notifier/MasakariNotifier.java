package org.masakari.client.notifier;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.masakari.client.keystone.ApiAccess;
import org.masakari.client.keystone.ApiAccessProvider;
import org.masakari.client.keystone.ApiOptions;
import org.masakari.client.keystone.HttpClients;
import org.masakari.client.keystone.KeystoneException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends notifications to {@code POST {instance-ha endpoint}/notifications} with upstream's retry
 * rules: 2xx delivered; 400/409 rejected at once; anything else (other statuses, connection and
 * Keystone errors) retried {@code retry_max} times every {@code retry_interval}, then dropped. Every
 * drop and rejection is logged with the full body so an operator can replay it by hand.
 *
 * <p>Sends run on the notifier's own threads, so a monitoring loop never waits for the API unless it
 * joins the returned future. Waiting between attempts is a scheduled delay, not a sleeping thread.
 */
public final class MasakariNotifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MasakariNotifier.class);
  static final String USER_AGENT = "masakari-java-monitors/0.1";

  private final ApiAccessProvider accessProvider;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final Duration requestTimeout;
  private final ExecutorService workers;
  private final NotifierStats stats = new NotifierStats();

  public MasakariNotifier(ApiAccessProvider accessProvider, HttpClient http, RetryPolicy retry,
      Duration requestTimeout) {
    this.accessProvider = accessProvider;
    this.http = http;
    this.retry = retry;
    this.requestTimeout = requestTimeout;
    AtomicInteger n = new AtomicInteger();
    this.workers = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "notifier-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** The usual wiring from the {@code [api]} section and a per-monitor retry policy. */
  public static MasakariNotifier create(ApiOptions api, RetryPolicy retry) {
    HttpClient http = HttpClients.create(api);
    return new MasakariNotifier(ApiAccessProvider.from(api, http), http, retry, api.timeout());
  }

  public NotifierStats stats() {
    return stats;
  }

  /**
   * Start-up check, in the background: authenticates (password auth) and sends {@code GET
   * {endpoint}} once. It logs early whether the API can be reached, and it pays the cost of a
   * cold HTTP client and connection (about 0.5 s here) before the first failure rather than after.
   * The future completes with the HTTP status, or 0 when the API could not be reached.
   */
  public CompletableFuture<Integer> warmUp() {
    return CompletableFuture.supplyAsync(() -> {
      NotificationJson.body(Notification.processStopped("warm-up", GeneratedTime.now(java.time.Clock.systemUTC()), "x"));
      try {
        ApiAccess access = accessProvider.access();
        HttpRequest.Builder req = HttpRequest.newBuilder(access.endpoint()).timeout(requestTimeout)
            .header("Accept", "application/json").header("User-Agent", USER_AGENT).GET();
        access.token().ifPresent(t -> req.header("X-Auth-Token", t));
        int status = http.send(req.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        LOG.info("[api {}] reachable: GET answered HTTP {}", access.endpoint(), status);
        return status;
      } catch (KeystoneException | IOException e) {
        LOG.warn("[api] not reachable at start-up (notifications will still be tried): {}", e.getMessage());
        return 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 0;
      }
    }, workers);
  }

  /** Queues the notification; the future completes with the final outcome, never exceptionally. */
  public CompletableFuture<Outcome> send(Notification n) {
    String body = NotificationJson.body(n);
    LOG.info("[notification {}] send a notification: {}", n.describe(), body);
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    workers.execute(() -> attempt(n, body, 1, result));
    return result;
  }

  private void attempt(Notification n, String body, int attemptNo, CompletableFuture<Outcome> result) {
    AttemptResult r = postOnce(body);
    stats.attempt();
    if (r.status() >= 200 && r.status() < 300) {
      LOG.info("[notification {}] delivered: HTTP {} {}", n.describe(), r.status(), r.detail());
      finish(result, Outcome.DELIVERED);
      return;
    }
    if (r.status() == 400 || r.status() == 409) {
      LOG.warn("[notification {}] rejected by the API, not retried: HTTP {} {}; body: {}",
          n.describe(), r.status(), r.detail(), body);
      finish(result, Outcome.REJECTED);
      return;
    }
    if (r.status() == 401) {
      accessProvider.forget(); // the token was revoked or expired early: fetch a new one
    }
    if (attemptNo < retry.totalAttempts()) {
      LOG.warn("[notification {}] attempt {}/{} failed: {}; retrying in {} ms", n.describe(),
          attemptNo, retry.totalAttempts(), r.describeFailure(), retry.retryInterval().toMillis());
      CompletableFuture.delayedExecutor(retry.retryInterval().toMillis(), TimeUnit.MILLISECONDS, workers)
          .execute(() -> attempt(n, body, attemptNo + 1, result));
      return;
    }
    // as upstream: drop the cached session so the next notification starts with fresh auth
    accessProvider.forget();
    LOG.error("[notification {}] dropped after {} attempts, last failure: {}; body: {}",
        n.describe(), attemptNo, r.describeFailure(), body);
    finish(result, Outcome.DROPPED);
  }

  private void finish(CompletableFuture<Outcome> result, Outcome o) {
    stats.finished(o);
    result.complete(o);
  }

  /** status 0 = no HTTP answer (connection, timeout or Keystone problem). */
  private record AttemptResult(int status, String detail) {
    String describeFailure() {
      return status == 0 ? detail : "HTTP " + status + " " + detail;
    }
  }

  private AttemptResult postOnce(String body) {
    try {
      ApiAccess access = accessProvider.access();
      HttpRequest.Builder req = HttpRequest.newBuilder(notificationsUrl(access.endpoint()))
          .timeout(requestTimeout)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json")
          .header("User-Agent", USER_AGENT)
          .POST(HttpRequest.BodyPublishers.ofString(body));
      access.token().ifPresent(t -> req.header("X-Auth-Token", t));
      HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
      return new AttemptResult(resp.statusCode(), abbreviate(resp.body()));
    } catch (KeystoneException e) {
      return new AttemptResult(0, "keystone: " + e.getMessage());
    } catch (IOException e) {
      return new AttemptResult(0, "connection: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new AttemptResult(0, "interrupted");
    } catch (RuntimeException e) {
      return new AttemptResult(0, "unexpected: " + e);
    }
  }

  static URI notificationsUrl(URI endpoint) {
    return URI.create(endpoint.toString().replaceAll("/+$", "") + "/notifications");
  }

  private static String abbreviate(String s) {
    return s == null ? "" : (s.length() > 500 ? s.substring(0, 500) + "..." : s);
  }

  /** Stops accepting work; queued retries are abandoned (and logged by nobody: we are exiting). */
  @Override
  public void close() {
    workers.shutdownNow();
  }
}
