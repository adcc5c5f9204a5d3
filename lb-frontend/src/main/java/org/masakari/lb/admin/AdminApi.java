package org.masakari.lb.admin;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.ConnectException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.masakari.lb.balancer.AdminState;
import org.masakari.lb.balancer.Backend;
import org.masakari.lb.balancer.Balancer;
import org.masakari.lb.balancer.Server;
import org.masakari.lb.config.AdminConfig;
import org.masakari.lb.config.HostPort;
import org.masakari.lb.config.ServerConfig;
import org.masakari.lb.vrrp.VrrpInstance;

/**
 * Local runtime API and stats. Routes (all in this one place):
 * <pre>
 * GET    /stats  /stats.json  /metrics  /servers
 * POST   /backends/{b}/servers                    {"name":…,"address":"h:p","weight":1,"maxconn":0}
 * DELETE /backends/{b}/servers/{s}
 * POST   /backends/{b}/servers/{s}/enable|disable|drain
 * PUT    /backends/{b}/servers/{s}/weight         {"weight":N}
 * POST   /reload
 * </pre>
 * Served on an HTTP port and/or a Unix socket ({@link AdminConfig}). There is no authentication: bind the port
 * to 127.0.0.1, or use the socket, whose file mode decides who may connect.
 */
public final class AdminApi implements AutoCloseable {
  private final Balancer balancer;
  private final Supplier<List<VrrpInstance>> vrrp;
  private final Supplier<String> reload;
  private final List<HttpServer> servers = new ArrayList<>();
  private Path socket;

  public AdminApi(Balancer balancer, Supplier<List<VrrpInstance>> vrrp, Supplier<String> reload) {
    this.balancer = balancer;
    this.vrrp = vrrp;
    this.reload = reload;
  }

  /** Listens where {@code config} says; throws IllegalStateException naming the address that failed. */
  public void start(AdminConfig config) {
    if (config.address() != null) {
      HostPort bind = config.address();
      listen(server -> server.listen(bind.port(), bind.host()), "cannot listen on " + bind);
    }
    if (config.socket() != null) {
      startSocket(config.socket(), config.socketMode());
    }
  }

  /**
   * Binds under a temporary name, sets the mode, then renames: the socket never exists under its real
   * name with the umask's permissions (HAProxy does the same). A socket file left by a killed process is
   * replaced; one that still accepts connections belongs to a running balancer and is an error.
   */
  private void startSocket(Path path, int mode) {
    Path tmp = path.resolveSibling(path.getFileName() + ".new");
    try {
      removeStaleSocket(path);
      Files.deleteIfExists(tmp);
      listen(server -> server.listen(SocketAddress.domainSocketAddress(tmp.toString())), "cannot listen on " + path);
      Files.setPosixFilePermissions(tmp, permissions(mode));
      Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      socket = path;
    } catch (IOException e) {
      close();
      throw new IllegalStateException("admin: " + path + ": " + e, e);
    }
  }

  private static void removeStaleSocket(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther()) {
      throw new IOException("exists and is not a socket; not replacing it");
    }
    try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      probe.connect(UnixDomainSocketAddress.of(path));
      throw new IOException("another process is listening on it (a second balancer with the same admin_socket?)");
    } catch (ConnectException stale) {
      Files.delete(path);
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    StringBuilder rwx = new StringBuilder();
    for (int shift = 6; shift >= 0; shift -= 3) {
      int bits = (mode >> shift) & 7;
      rwx.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
    }
    return PosixFilePermissions.fromString(rwx.toString());
  }

  private void listen(Function<HttpServer, Future<HttpServer>> listen, String what) {
    HttpServer server = balancer.vertx().createHttpServer().requestHandler(this::route);
    try {
      listen.apply(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      throw new IllegalStateException("admin: " + what + ": " + cause.getMessage(), cause);
    }
    servers.add(server);
  }

  private void route(HttpServerRequest req) {
    String[] p = req.path().replaceAll("^/+|/+$", "").split("/");
    HttpMethod m = req.method();
    try {
      if (m == HttpMethod.GET && p.length == 1) {
        switch (p[0]) {
          case "stats" -> send(req, 200, "text/html; charset=utf-8", StatsRenderer.html(balancer.registry(), vrrp.get()));
          case "stats.json", "servers" -> json(req, 200, StatsRenderer.json(balancer.registry(), vrrp.get()));
          case "metrics" -> send(req, 200, "text/plain; version=0.0.4", StatsRenderer.prometheus(balancer.registry(), vrrp.get()));
          default -> error(req, 404, "no such page");
        }
      } else if (m == HttpMethod.POST && p.length == 1 && p[0].equals("reload")) {
        // reload reads files and may restart VRRP instances: keep it off the event loop
        balancer.vertx().executeBlocking(reload::get).onComplete(ar -> {
          String err = ar.succeeded() ? ar.result() : ar.cause().toString();
          if (err == null) {
            json(req, 200, new JsonObject().put("reloaded", true));
          } else {
            error(req, 400, err);
          }
        });
      } else if (p.length >= 3 && p[0].equals("backends") && p[2].equals("servers")) {
        serverRoute(req, m, p);
      } else {
        error(req, 404, "no such route");
      }
    } catch (IllegalArgumentException e) {
      error(req, 400, e.getMessage());
    }
  }

  private void serverRoute(HttpServerRequest req, HttpMethod m, String[] p) {
    Backend b = balancer.registry().get(p[1]);
    if (b == null) {
      error(req, 404, "no backend " + p[1]);
      return;
    }
    if (p.length == 3 && m == HttpMethod.POST) {
      body(req).onSuccess(j -> {
        try {
          ServerConfig sc = new ServerConfig(j.getString("name"), parse(j.getString("address")), j.getInteger("weight", 1),
              j.getInteger("maxconn", 0), j.getBoolean("check", true));
          json(req, 201, StatsRenderer.server(b.addServer(sc)));
        } catch (RuntimeException e) {
          error(req, 400, "bad server: " + e.getMessage());
        }
      });
      return;
    }
    Server s = p.length >= 4 ? b.server(p[3]) : null;
    if (s == null) {
      error(req, 404, "no such server");
      return;
    }
    if (p.length == 4 && m == HttpMethod.DELETE) {
      b.removeServer(s.name());
      json(req, 200, new JsonObject().put("removed", s.name()));
    } else if (p.length == 5 && m == HttpMethod.POST) {
      switch (p[4]) {
        case "enable" -> s.setAdminState(AdminState.READY);
        case "disable" -> s.setAdminState(AdminState.MAINT);
        case "drain" -> s.setAdminState(AdminState.DRAIN);
        default -> {
          error(req, 404, "no such action " + p[4]);
          return;
        }
      }
      json(req, 200, StatsRenderer.server(s));
    } else if (p.length == 5 && m == HttpMethod.PUT && p[4].equals("weight")) {
      body(req).onSuccess(j -> {
        Integer w = j.getInteger("weight");
        if (w == null || w < 0 || w > 256) {
          error(req, 400, "weight: must be 0..256");
        } else {
          s.setWeight(w);
          json(req, 200, StatsRenderer.server(s));
        }
      });
    } else {
      error(req, 405, "method not allowed");
    }
  }

  private static HostPort parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("address: required (host:port)");
    }
    int c = text.lastIndexOf(':');
    return new HostPort(text.substring(0, Math.max(0, c)), Integer.parseInt(text.substring(c + 1)));
  }

  private static Future<JsonObject> body(HttpServerRequest req) {
    return req.body().map(b -> b.length() == 0 ? new JsonObject() : b.toJsonObject())
        .onFailure(e -> error(req, 400, "body must be JSON: " + e.getMessage()));
  }

  private static void json(HttpServerRequest req, int status, JsonObject body) {
    send(req, status, "application/json", body.encodePrettily());
  }

  private static void error(HttpServerRequest req, int status, String message) {
    json(req, status, new JsonObject().put("error", message));
  }

  private static void send(HttpServerRequest req, int status, String type, String body) {
    req.response().setStatusCode(status).putHeader("Content-Type", type).end(body);
  }

  @Override
  public void close() {
    for (HttpServer server : servers) {
      try {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        // closing at shutdown: nothing left to do about a server that would not close
      }
    }
    servers.clear();
    if (socket != null) {
      try {
        Files.deleteIfExists(socket);
      } catch (IOException e) {
        // the next start replaces a stale socket file
      }
      socket = null;
    }
  }
}
