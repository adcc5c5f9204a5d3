package org.masakari.lb.balancer;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.net.ConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.FrontendConfig;

/** One event loop's share of a TCP (L4) frontend: splice client and server sockets, redispatch refused connects. */
public final class TcpProxyVerticle extends VerticleBase {
  private final FrontendConfig frontend;
  private final BackendRegistry registry;
  private final ConnectionLimit connections;
  private NetServer server;
  private NetClient client;
  private LoopExecutor loop;

  public TcpProxyVerticle(FrontendConfig frontend, BackendRegistry registry, ConnectionLimit connections) {
    this.frontend = frontend;
    this.registry = registry;
    this.connections = connections;
  }

  @Override
  public Future<?> start() {
    loop = LoopExecutor.of(context);
    client = vertx.createNetClient();
    server = vertx.createNetServer(new NetServerOptions().setHost(frontend.bind().host()).setPort(frontend.bind().port())
        .setTcpNoDelay(true).setAcceptBacklog(4096).setIdleTimeout((int) frontend.timeoutClient().toMillis())
        .setIdleTimeoutUnit(TimeUnit.MILLISECONDS));
    server.connectHandler(this::accepted);
    return server.listen();
  }

  @Override
  public Future<?> stop() {
    return server.shutdown(frontend.timeoutClient().toMillis(), TimeUnit.MILLISECONDS).eventually(() -> client.close());
  }

  private void accepted(NetSocket clientSocket) {
    if (!connections.tryOpen()) {
      clientSocket.close();
      return;
    }
    clientSocket.closeHandler(v -> connections.closed());
    clientSocket.pause();
    Backend backend = registry.get(frontend.defaultBackend());
    if (backend == null) {
      clientSocket.close();
      return;
    }
    RequestKey key = new RequestKey(clientSocket.remoteAddress().hostAddress(), null);
    connect(clientSocket, backend, key, new HashSet<>(), 0);
  }

  private void connect(NetSocket clientSocket, Backend backend, RequestKey key, Set<Server> tried, int attempt) {
    backend.acquire(loop, key, null, tried).onComplete(ar -> {
      if (ar.failed()) {
        clientSocket.close();
        return;
      }
      Server s = ar.result();
      BackendConfig cfg = backend.config();
      ConnectOptions co = new ConnectOptions().setRemoteAddress(s.socketAddress())
          .setTimeout((int) cfg.timeoutConnect().toMillis());
      client.connect(co).onComplete(car -> {
        if (car.failed()) {
          backend.release(s);
          s.trafficError("connect: " + car.cause().getMessage());
          if (attempt < cfg.retries()) {
            if (cfg.redispatch()) {
              s.redispatchedAway();
              tried.add(s);
            }
            connect(clientSocket, backend, key, tried, attempt + 1);
          } else {
            clientSocket.close();
          }
          return;
        }
        splice(clientSocket, car.result(), backend, s);
      });
    });
  }

  private void splice(NetSocket clientSocket, NetSocket serverSocket, Backend backend, Server s) {
    long start = System.nanoTime();
    AtomicBoolean released = new AtomicBoolean();
    Runnable done = () -> {
      if (released.compareAndSet(false, true)) {
        backend.release(s);
        s.trafficOk();
        s.requestDone(System.nanoTime() - start);
        clientSocket.close();
        serverSocket.close();
      }
    };
    clientSocket.closeHandler(v -> {
      connections.closed();
      done.run();
    });
    serverSocket.closeHandler(v -> done.run());
    clientSocket.pipeTo(serverSocket);
    serverSocket.pipeTo(clientSocket);
  }
}
