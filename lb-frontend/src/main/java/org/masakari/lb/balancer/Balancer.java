package org.masakari.lb.balancer;

import io.netty.handler.ssl.SslContext;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.masakari.lb.config.FrontendConfig;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.health.HealthChecker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The balancer: one Vert.x instance, its frontends (one verticle instance per event loop) and the
 * health checker. {@link #apply} reconciles a reloaded config without touching unchanged frontends,
 * so their connections stay up.
 */
public final class Balancer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Balancer.class);
  private static final long START_TIMEOUT_SECONDS = 20;

  private final Vertx vertx;
  private final int instances;
  private final BackendRegistry registry = new BackendRegistry();
  private final HealthChecker checker;
  private final Map<String, Deployed> frontends = new HashMap<>();

  private NettyLoops fastLoops;

  /** A running frontend: a Vert.x deployment (TCP, TLS) or a fast-path HTTP frontend. */
  private record Deployed(FrontendConfig config, String deploymentId, NettyHttpFrontend fast) {}

  public Balancer(LbConfig config) {
    int loops = config.eventLoops() > 0 ? config.eventLoops() : Runtime.getRuntime().availableProcessors();
    this.instances = loops;
    this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops).setPreferNativeTransport(true));
    this.checker = new HealthChecker(vertx, registry);
    registry.apply(config.backends());
  }

  public Vertx vertx() {
    return vertx;
  }

  public BackendRegistry registry() {
    return registry;
  }

  public synchronized void start(LbConfig config) {
    checker.start();
    FrontendConfig firstFast = config.frontends().stream().filter(Balancer::isFastPath).findFirst().orElse(null);
    if (!config.warmup().isZero() && firstFast != null) {
      // before any frontend listens (and so before VRRP may take the VIP): the JIT compiles the proxy path
      SslContext tls = config.frontends().stream().filter(fc -> isFastPath(fc) && fc.tlsCert() != null).findFirst()
          .map(fc -> TlsServerContext.of(vertx, fc)).orElse(null);
      new StartupWarmup(fastLoops(), firstFast.forwardedHeaders(), tls).run(config.warmup());
    }
    apply(config);
    LOG.info("balancer started: {} frontend(s), {} backend(s), {} event loop(s), native transport {}",
        config.frontends().size(), config.backends().size(), instances, vertx.isNativeTransportEnabled());
  }

  /** Applies a validated config: backends in place, frontends only where they changed. */
  public synchronized void apply(LbConfig config) {
    // certificate files first: one that cannot be used rejects the whole change before anything is touched
    Map<String, SslContext> tls = new HashMap<>();
    for (FrontendConfig fc : config.frontends()) {
      if (isFastPath(fc) && fc.tlsCert() != null) {
        tls.put(fc.name(), TlsServerContext.of(vertx, fc));
      }
    }
    registry.apply(config.backends());
    checker.reconcile();
    List<Future<?>> pending = new ArrayList<>();
    List<String> wanted = new ArrayList<>();
    for (FrontendConfig fc : config.frontends()) {
      wanted.add(fc.name());
      Deployed old = frontends.get(fc.name());
      if (old != null && old.config().equals(fc)) {
        if (old.fast() != null && fc.tlsCert() != null) {
          // same options: the certificate files are read again (a rotated certificate without a restart)
          old.fast().update(fc, tls.get(fc.name()));
        }
        continue;
      }
      boolean fast = isFastPath(fc);
      boolean sameBind = old != null && old.config().bind().equals(fc.bind());
      if (fast && sameBind && old.fast() != null) {
        // same socket, new options: swapped in place, connections untouched
        old.fast().update(fc, tls.get(fc.name()));
        frontends.put(fc.name(), new Deployed(fc, null, old.fast()));
        LOG.info("[frontend={}] updated in place on {}", fc.name(), fc.bind());
        continue;
      }
      if (sameBind && (fast || old.fast() != null)) {
        // the fast path and Vert.x cannot share a listening socket: the old one stops listening first
        stopFrontend(old, pending);
        old = null;
      }
      if (fast) {
        NettyHttpFrontend f = new NettyHttpFrontend(fc, tls.get(fc.name()), registry, fastLoops());
        f.start();
        frontends.put(fc.name(), new Deployed(fc, null, f));
        LOG.info("[frontend={}] listening on {} ({}, fast path, {}{})", fc.name(), fc.bind(), f.scheme(),
            fastLoops().epoll() ? "epoll" : "nio", fc.tlsCert() == null ? "" : ", TLS by " + TlsServerContext.provider());
      } else {
        // deploy the new one first: on the same host:port Vert.x shares the listening socket, so no accept gap
        ConnectionLimit limit = new ConnectionLimit(fc.maxconn());
        String id = await(vertx.deployVerticle(() -> new TcpProxyVerticle(fc, registry, limit),
            new DeploymentOptions().setInstances(instances)));
        frontends.put(fc.name(), new Deployed(fc, id, null));
        LOG.info("[frontend={}] listening on {} ({})", fc.name(), fc.bind(), fc.mode());
      }
      if (old != null) {
        stopFrontend(old, pending);
      }
    }
    for (String name : new ArrayList<>(frontends.keySet())) {
      if (!wanted.contains(name)) {
        stopFrontend(frontends.remove(name), pending);
        LOG.info("[frontend={}] removed", name);
      }
    }
    // old frontends drain in the background (graceful shutdown bounded by timeout client)
    pending.forEach(f -> f.onFailure(e -> LOG.warn("undeploy failed: {}", e.toString())));
  }

  /** HTTP (plain or TLS) takes the Netty fast path; TCP splicing stays on Vert.x. */
  static boolean isFastPath(FrontendConfig fc) {
    return fc.mode() == FrontendConfig.Mode.HTTP;
  }

  private NettyLoops fastLoops() {
    if (fastLoops == null) {
      fastLoops = new NettyLoops(instances);
    }
    return fastLoops;
  }

  private void stopFrontend(Deployed d, List<Future<?>> pending) {
    if (d.fast() != null) {
      d.fast().drain();
    } else {
      pending.add(vertx.undeploy(d.deploymentId()));
    }
  }

  public boolean healthy() {
    return registry.allHealthy();
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("timed out after " + START_TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public synchronized void close() {
    checker.stop();
    for (Deployed d : frontends.values()) {
      if (d.fast() != null) {
        d.fast().drain();
      }
    }
    if (fastLoops != null) {
      fastLoops.close();
    }
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("balancer did not close within 5 s: {}", e.toString());
    }
  }
}
