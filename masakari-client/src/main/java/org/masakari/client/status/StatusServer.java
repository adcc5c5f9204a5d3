package org.masakari.client.status;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Shared by the compute-node monitors: {@code GET /metrics} (Prometheus text) and {@code GET /healthz} (200 ok / 503) on a local port. */
public final class StatusServer implements AutoCloseable {
  private final HttpServer server;

  public StatusServer(InetSocketAddress address, Supplier<String> metrics, BooleanSupplier healthy) {
    try {
      server = HttpServer.create(address, 16);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + address + " for /metrics: " + e.getMessage(), e);
    }
    server.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4", metrics.get()));
    server.createContext("/healthz", ex -> {
      boolean ok = healthy.getAsBoolean();
      reply(ex, ok ? 200 : 503, "text/plain", ok ? "ok\n" : "unhealthy\n");
    });
    server.start();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
