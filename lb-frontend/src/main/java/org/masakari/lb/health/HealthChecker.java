package org.masakari.lb.health;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.masakari.lb.balancer.AdminState;
import org.masakari.lb.balancer.Backend;
import org.masakari.lb.balancer.BackendRegistry;
import org.masakari.lb.balancer.Server;
import org.masakari.lb.config.HealthCheckConfig;

/**
 * Active checks, one self-rescheduling timer per backend at its {@code inter}: TCP connect, or an
 * HTTP request whose status must equal {@code expect_status} within {@code timeout}. Only an HTTP
 * check finds a hung server (the kernel completes its TCP handshake), see the lab's §8.
 */
public final class HealthChecker {
  private final Vertx vertx;
  private final BackendRegistry registry;
  private final NetClient tcp;
  private final HttpClient http;
  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private volatile boolean running;

  public HealthChecker(Vertx vertx, BackendRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    this.tcp = vertx.createNetClient();
    // a fresh connection per check, so a check never rides on a connection the server has half-closed
    this.http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false));
  }

  public void start() {
    running = true;
    reconcile();
  }

  /** Starts timers for new backends; removed backends stop on their next tick. */
  public void reconcile() {
    for (Backend b : registry.all()) {
      timers.computeIfAbsent(b.name(), n -> schedule(n, 0));
    }
  }

  private long schedule(String backendName, long delay) {
    Backend b = registry.get(backendName);
    long inter = b == null ? 1000 : b.config().check().inter().toMillis();
    return vertx.setTimer(Math.max(1, delay > 0 ? delay : inter), id -> tick(backendName));
  }

  private void tick(String backendName) {
    Backend b = registry.get(backendName);
    if (!running || b == null) {
      timers.remove(backendName);
      return;
    }
    HealthCheckConfig c = b.config().check();
    if (c.type() != HealthCheckConfig.Type.NONE) {
      for (Server s : b.servers()) {
        if (s.checkEnabled() && s.adminState() != AdminState.MAINT) {
          probe(s, c).onComplete(ar -> s.checkResult(ar.succeeded(), c.rise(), c.fall(),
              ar.succeeded() ? "ok" : String.valueOf(ar.cause().getMessage())));
        }
      }
    }
    timers.put(backendName, schedule(backendName, 0));
  }

  Future<Void> probe(Server s, HealthCheckConfig c) {
    return c.type() == HealthCheckConfig.Type.HTTP ? httpProbe(s, c) : tcpProbe(s, c);
  }

  private Future<Void> tcpProbe(Server s, HealthCheckConfig c) {
    Promise<Void> result = Promise.promise();
    long timer = vertx.setTimer(c.timeout().toMillis(), id -> result.tryFail("TCP connect timeout"));
    tcp.connect(s.socketAddress()).onComplete(ar -> {
      vertx.cancelTimer(timer);
      if (ar.succeeded()) {
        ar.result().close();
        result.tryComplete();
      } else {
        result.tryFail("TCP connect: " + ar.cause().getMessage());
      }
    });
    return result.future();
  }

  private Future<Void> httpProbe(Server s, HealthCheckConfig c) {
    RequestOptions ro = new RequestOptions().setServer(s.socketAddress()).setMethod(HttpMethod.valueOf(c.method()))
        .setHost(s.address().host()).setPort(s.address().port()).setURI(c.path()).setTimeout(c.timeout().toMillis());
    return http.request(ro).compose(req -> req.send()).compose(resp -> resp.body().compose(body ->
        resp.statusCode() == c.expectStatus() ? Future.<Void>succeededFuture()
            : Future.<Void>failedFuture("HTTP status " + resp.statusCode() + ", expected " + c.expectStatus())));
  }

  public void stop() {
    running = false;
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }
}
