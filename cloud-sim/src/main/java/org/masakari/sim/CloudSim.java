package org.masakari.sim;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.Scheduler;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.control.ControlRoutes;
import org.masakari.sim.control.FaultInjector;
import org.masakari.sim.glance.ImageRoutes;
import org.masakari.sim.keystone.CatalogEntry;
import org.masakari.sim.keystone.Identity;
import org.masakari.sim.keystone.KeystoneRoutes;
import org.masakari.sim.keystone.TokenStore;
import org.masakari.sim.nova.NovaRoutes;
import org.masakari.sim.scenario.ScenarioApplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the simulated Keystone and Nova; the embedding API for the launcher and end-to-end tests. */
public final class CloudSim {
  private static final Logger LOG = LoggerFactory.getLogger(CloudSim.class);
  private static final long START_TIMEOUT_SECONDS = 30;

  private CloudSim() {}

  /**
   * Builds the cloud from the config's scenario and binds both ports. Blocks the calling thread
   * until both listen (call it from main or a test, never from an event loop).
   *
   * @throws IllegalStateException when a port cannot be bound
   */
  public static RunningSim start(SimConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      Scheduler scheduler = (delay, transition) ->
          vertx.setTimer(Math.max(1, delay.toMillis()), id -> transition.run());
      CloudState state = new CloudState(config.clock(),
          ScenarioApplier.settings(config.settings(), config.scenario().settings()), scheduler);
      ServerOperations servers = new ServerOperations(state);
      FaultInjector faults = new FaultInjector();
      Identity identity = new Identity(config.users());
      TokenStore tokens = new TokenStore(config.clock(), config.tokenLifetime());
      ScenarioApplier.apply(config.scenario(), state, servers, faults, identity);

      AtomicReference<int[]> ports = new AtomicReference<>(new int[] {config.keystonePort(), config.novaPort()});
      String host = config.publicHost();
      KeystoneRoutes keystone = new KeystoneRoutes(identity, tokens, () -> List.of(
          new CatalogEntry("identity", "keystone", "http://" + host + ":" + ports.get()[0] + "/v3"),
          new CatalogEntry("compute", "nova", "http://" + host + ":" + ports.get()[1] + "/v2.1"),
          new CatalogEntry("image", "glance", "http://" + host + ":" + ports.get()[1] + "/image"),
          new CatalogEntry("instance-ha", "masakari", config.masakariUrl())));
      NovaRoutes nova = new NovaRoutes(tokens, state, servers, faults, () -> "http://" + host + ":" + ports.get()[0]);
      HttpServerOptions opts = new HttpServerOptions().setHost(config.bindHost());
      HttpServer keystoneServer = listen(vertx.createHttpServer(new HttpServerOptions(opts).setPort(config.keystonePort()))
          .requestHandler(keystone.router(vertx)));
      HttpServer novaServer = listen(vertx.createHttpServer(new HttpServerOptions(opts).setPort(config.novaPort()))
          .requestHandler(nova.router(vertx, new ControlRoutes(state, faults).router(vertx),
              new ImageRoutes(tokens).router(vertx))));
      ports.set(new int[] {keystoneServer.actualPort(), novaServer.actualPort()});
      RunningSim sim = new RunningSim(vertx, host, keystoneServer.actualPort(), novaServer.actualPort(), state, servers,
          faults, identity, tokens);
      LOG.info("[sim] Keystone {} Nova {} control {}/sim: {} hosts, {} servers", sim.keystoneUrl(), sim.novaUrl(),
          sim.novaRoot(), state.hostNames().size(), state.summary().get("servers"));
      return sim;
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  private static HttpServer listen(HttpServer server) {
    try {
      return server.listen().toCompletionStage().toCompletableFuture().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while binding", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("cannot listen: " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
    }
  }

  static Duration startTimeout() {
    return Duration.ofSeconds(START_TIMEOUT_SECONDS);
  }
}
