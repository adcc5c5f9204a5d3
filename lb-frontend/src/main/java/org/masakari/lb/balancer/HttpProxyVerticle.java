package org.masakari.lb.balancer;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.FrontendConfig;

/**
 * One event loop's share of an HTTP frontend on Vert.x, used for TLS termination (plain HTTP takes
 * {@link NettyHttpFrontend}): its own server handler and its own keep-alive client
 * pool, so a request never crosses threads. A refused connect is retried on another server
 * (redispatch); once the request was sent it is never retried (it may have had an effect).
 */
public final class HttpProxyVerticle extends VerticleBase {
  private static final int BACKEND_POOL_SIZE = 1000;
  private static final Set<HttpMethod> SAFE_TO_RETRY = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
  /** Bodies up to this size are relayed in one write; larger ones are streamed. */
  private static final long SMALL_BODY_BYTES = 64 * 1024;

  private final FrontendConfig frontend;
  private final BackendRegistry registry;
  private final ConnectionLimit connections;
  private HttpServer server;
  private HttpClient client;
  private LoopExecutor loop;

  public HttpProxyVerticle(FrontendConfig frontend, BackendRegistry registry, ConnectionLimit connections) {
    this.frontend = frontend;
    this.registry = registry;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    loop = LoopExecutor.of(context);
    client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(BACKEND_POOL_SIZE));
    HttpServerOptions options = new HttpServerOptions().setHost(frontend.bind().host()).setPort(frontend.bind().port())
        .setTcpNoDelay(true).setAcceptBacklog(4096).setIdleTimeout((int) frontend.timeoutClient().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
    if (frontend.tlsCert() != null) {
      options.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(frontend.tlsCert()).setKeyPath(frontend.tlsKey()));
    }
    server = vertx.createHttpServer(options).requestHandler(this::handle).connectionHandler(conn -> {
      if (!connections.tryOpen()) {
        conn.close();
        return;
      }
      conn.closeHandler(v -> connections.closed());
    });
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    // graceful: in-flight requests finish (bounded by the server timeout), idle connections close
    return server.shutdown(frontend.timeoutClient().toMillis(), TimeUnit.MILLISECONDS)
        .eventually(() -> client.close());
  }

  private void handle(HttpServerRequest req) {
    long start = System.nanoTime();
    Backend backend = registry.get(frontend.defaultBackend());
    if (backend == null) {
      reply(req, 503, "no backend " + frontend.defaultBackend());
      return;
    }
    boolean hasBody = req.headers().contains(HttpHeaders.TRANSFER_ENCODING)
        || (req.headers().contains(HttpHeaders.CONTENT_LENGTH) && !"0".equals(req.getHeader(HttpHeaders.CONTENT_LENGTH)));
    if (hasBody) {
      req.pause();
    }
    BackendConfig cfg = backend.config();
    String sticky = cfg.sticky() == BackendConfig.Sticky.COOKIE ? StickyCookie.read(req, cfg.cookieName()) : null;
    String clientIp = req.remoteAddress() == null ? null : req.remoteAddress().hostAddress();
    RequestKey key = new RequestKey(clientIp, req.path());
    // built once: a retry must not append X-Forwarded-For twice
    MultiMap headers = ProxyHeaders.toBackend(req.headers(), req.authority() == null ? null : req.authority().toString(),
        clientIp, frontend.tlsCert() != null ? "https" : "http", frontend.forwardedHeaders());
    attempt(new Exchange(req, backend, key, sticky, hasBody, start, headers), 0);
  }

  private void attempt(Exchange x, int attempt) {
    x.backend.acquire(loop, x.key, x.sticky, x.triedOrEmpty()).onComplete(ar -> {
      if (ar.failed()) {
        reply(x.req, 503, ar.cause().getMessage());
        return;
      }
      Server s = ar.result();
      BackendConfig cfg = x.backend.config();
      RequestOptions ro = new RequestOptions().setServer(s.socketAddress()).setMethod(x.req.method())
          .setURI(x.req.uri()).setConnectTimeout(cfg.timeoutConnect().toMillis())
          .setIdleTimeout(cfg.timeoutServer().toMillis()).setHeaders(x.headers);
      client.request(ro).onComplete(rar -> {
        if (rar.failed()) {
          connectFailed(x, s, attempt, rar.cause());
        } else {
          send(x, s, rar.result(), attempt);
        }
      });
    });
  }

  private void connectFailed(Exchange x, Server s, int attempt, Throwable cause) {
    x.backend.release(s);
    if (isTimeout(cause)) {
      s.trafficTimeout("connect: " + cause.getMessage(), x.start);
    } else {
      s.trafficError("connect: " + cause.getMessage());
    }
    BackendConfig cfg = x.backend.config();
    if (attempt < cfg.retries()) {
      if (cfg.redispatch()) {
        s.redispatchedAway();
        x.tried().add(s);
      }
      attempt(x, attempt + 1);
    } else {
      reply(x.req, 503, "no server answered after " + (attempt + 1) + " attempts");
    }
  }

  private void send(Exchange x, Server s, HttpClientRequest creq, int attempt) {
    Future<HttpClientResponse> sent = x.hasBody ? creq.send(x.req) : creq.send();
    sent.onComplete(ar -> {
      if (ar.failed()) {
        x.backend.release(s);
        boolean timeout = isTimeout(ar.cause());
        if (timeout) {
          s.trafficTimeout("timeout: " + ar.cause().getMessage(), x.start);
        } else {
          s.trafficError("error: " + ar.cause().getMessage());
        }
        BackendConfig cfg = x.backend.config();
        if (!timeout && !x.hasBody && SAFE_TO_RETRY.contains(x.req.method()) && attempt < cfg.retries()
            && !x.req.response().headWritten()) {
          // the server closed the connection without answering (it died with the request in flight):
          // a safe method without a body may go to another server (RFC 9110 §9.2.2), as nginx does
          s.redispatchedAway();
          x.tried().add(s);
          attempt(x, attempt + 1);
          return;
        }
        reply(x.req, timeout ? 504 : 502, ar.cause().getMessage());
        return;
      }
      HttpClientResponse cres = ar.result();
      HttpServerResponse resp = x.req.response();
      if (resp.ended() || resp.closed()) {
        // the client went away meanwhile: drop the server connection rather than reading an unwanted body
        x.backend.release(s);
        cres.exceptionHandler(e -> { });
        cres.request().reset();
        return;
      }
      resp.setStatusCode(cres.statusCode()).setStatusMessage(cres.statusMessage());
      ProxyHeaders.toClient(cres.headers(), resp.headers());
      if (!cres.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
        resp.setChunked(true);
      }
      BackendConfig cfg = x.backend.config();
      if (cfg.sticky() == BackendConfig.Sticky.COOKIE && !s.name().equals(x.sticky)) {
        resp.headers().add(HttpHeaders.SET_COOKIE, StickyCookie.setCookie(cfg.cookieName(), s.name()));
      }
      Future<Void> relayed;
      if (smallBody(cres)) {
        // one write and one flush to the client instead of body + end: a syscall less per request
        relayed = cres.body().compose(resp::end);
      } else {
        relayed = cres.pipeTo(resp);
      }
      relayed.onComplete(done -> {
        x.backend.release(s);
        if (done.succeeded()) {
          s.trafficOk();
          s.requestDone(System.nanoTime() - x.start);
        }
      });
    });
  }

  private static boolean isTimeout(Throwable cause) {
    return cause instanceof TimeoutException
        || String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout");
  }

  private static boolean smallBody(HttpClientResponse cres) {
    String length = cres.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length == null) {
      return false;
    }
    try {
      return Long.parseLong(length) <= SMALL_BODY_BYTES;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void reply(HttpServerRequest req, int status, String why) {
    HttpServerResponse resp = req.response();
    if (!resp.ended() && !resp.headWritten() && !resp.closed()) {
      resp.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(status + " " + why + "\n");
    }
  }

  /** One client request across its attempts. */
  private static final class Exchange {
    final HttpServerRequest req;
    final Backend backend;
    final RequestKey key;
    final String sticky;
    final boolean hasBody;
    final long start;
    final MultiMap headers;
    private Set<Server> tried;

    Exchange(HttpServerRequest req, Backend backend, RequestKey key, String sticky, boolean hasBody, long start,
        MultiMap headers) {
      this.headers = headers;
      this.req = req;
      this.backend = backend;
      this.key = key;
      this.sticky = sticky;
      this.hasBody = hasBody;
      this.start = start;
    }

    /** Servers already refused; allocated only when a connect fails. */
    Set<Server> tried() {
      if (tried == null) {
        tried = new HashSet<>(4);
      }
      return tried;
    }

    Set<Server> triedOrEmpty() {
      return tried == null ? Set.of() : tried;
    }
  }
}
