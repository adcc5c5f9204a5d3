package org.masakari.lb.testsupport;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** An HTTP back end on 127.0.0.1 answering its name; counts requests and concurrency, keeps the last headers. */
public final class TestBackend implements AutoCloseable {
  private final String name;
  private final HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicReference<MultiMap> lastHeaders = new AtomicReference<>();
  private volatile long delayMillis;
  private volatile int status = 200;
  private volatile boolean chunked;
  private final AtomicInteger lastBodyLength = new AtomicInteger(-1);

  public TestBackend(Vertx vertx, String name) throws Exception {
    this.name = name;
    this.server = vertx.createHttpServer().requestHandler(req -> {
      requests.incrementAndGet();
      lastHeaders.set(MultiMap.caseInsensitiveMultiMap().addAll(req.headers()));
      int now = inFlight.incrementAndGet();
      maxInFlight.accumulateAndGet(now, Math::max);
      Runnable answer = () -> {
        inFlight.decrementAndGet();
        if (chunked) {
          // no Content-Length: the balancer must keep the chunked framing
          req.response().setStatusCode(status).setChunked(true).write(name);
          req.response().end("\n");
        } else {
          req.response().setStatusCode(status).end(name + "\n");
        }
      };
      req.body().onComplete(body -> {
        lastBodyLength.set(body.succeeded() ? body.result().length() : -2);
        if (delayMillis > 0) {
          vertx.setTimer(delayMillis, id -> answer.run());
        } else {
          answer.run();
        }
      });
    });
    server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public String name() {
    return name;
  }

  public String address() {
    return "127.0.0.1:" + server.actualPort();
  }

  public int requests() {
    return requests.get();
  }

  public int maxInFlight() {
    return maxInFlight.get();
  }

  public MultiMap lastHeaders() {
    return lastHeaders.get();
  }

  /** Bytes of the last request body (-1 = none yet). */
  public int lastBodyLength() {
    return lastBodyLength.get();
  }

  /** Answers with chunked transfer coding instead of a Content-Length. */
  public void chunked(boolean on) {
    chunked = on;
  }

  public void delay(long millis) {
    delayMillis = millis;
  }

  public void status(int code) {
    status = code;
  }

  @Override
  public void close() throws Exception {
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
