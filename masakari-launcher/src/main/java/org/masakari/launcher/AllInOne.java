package org.masakari.launcher;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.masakari.api.ApiServer;
import org.masakari.api.policy.Policy;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.nova.ComputeServiceDirectory;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.core.progress.TaskProgressStore;
import org.masakari.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API (+ engine) in one JVM over one database and the in-process queue. Used by {@code masakari aio}
 * and by the end-to-end tests, so both run exactly the same wiring.
 */
public final class AllInOne implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AllInOne.class);

  private final CoreRuntime core;
  private final Vertx vertx;
  private final ApiServer api;
  private final CompletableFuture<Engine> engine;

  private AllInOne(CoreRuntime core, Vertx vertx, ApiServer api, CompletableFuture<Engine> engine) {
    this.core = core;
    this.vertx = vertx;
    this.api = api;
    this.engine = engine;
  }

  /**
   * @param databaseUrl the database to use (null: the config's [database] connection)
   * @param directory host-name check override (null: as the config says)
   */
  public static AllInOne start(MasakariConfig cfg, DatabaseUrl databaseUrl, String listen, int port,
      ComputeServiceDirectory directory) {
    long t0 = System.nanoTime();
    // the database migrates and Hibernate boots in the background while the API binds: GET / answers as
    // soon as Vert.x listens; database calls wait until the schema is there
    CoreRuntime core = CoreRuntime.startDeferred(cfg, new CoreRuntime.Mode(databaseUrl, true,
        new InProcessWorkQueue(), directory, List.of()));
    Vertx vertx = Vertx.vertx();
    ApiServer api = new ApiServer(vertx, cfg.api().withListen(listen, port), cfg.keystone(),
        Policy.load(cfg.policyFile()), new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
            new TaskProgressStore(core.database().tx()),
            new org.masakari.core.actions.NotificationActions(core.database().tx(), core.relay(), core.webhooks()),
            new org.masakari.core.alerts.AlertmanagerReceiver(
                org.masakari.core.alerts.AlertmanagerOptions.from(cfg.ini().section("alertmanager")),
                core.notifications())), cfg.database().maxPoolSize());
    io.vertx.core.Future<Integer> listening = api.start();
    try {
      core.awaitReady();
      listening.await();
    } catch (RuntimeException e) {
      api.close();
      vertx.close();
      core.close();
      throw new IllegalStateException("cannot start the all-in-one on " + listen + ":" + port + ": " + e.getMessage(), e);
    }
    // the engine's Quartz store lives in the database, so it starts once the schema exists — in the background:
    // the API serves meanwhile and the in-process queue keeps what it accepted until the engine subscribes
    CompletableFuture<Engine> engine = CompletableFuture.supplyAsync(() -> Engine.start(cfg, core.database(),
        core.queue()), r -> {
          Thread t = new Thread(r, "engine-start");
          t.setDaemon(true);
          t.start();
        });
    engine.whenComplete((e, err) -> {
      if (err != null) {
        LOG.error("the engine did not start: {}", err.toString());
      }
    });
    LOG.info("all-in-one ready in {} ms: API http://{}:{}/v1 ({}), engine starting, database {}",
        (System.nanoTime() - t0) / 1_000_000, listen, api.port(), cfg.api().authStrategy(), core.database().url());
    return new AllInOne(core, vertx, api, engine);
  }

  /**
   * Waits until the engine consumes the queue; a failed engine start (a bad flow option, say) is thrown as it
   * was raised, so the command still ends with the operator's error.
   */
  public void awaitEngine() {
    try {
      engine.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  public int apiPort() {
    return api.port();
  }

  public CoreRuntime core() {
    return core;
  }

  @Override
  public void close() {
    api.close();
    vertx.close();
    try {
      engine.join().close();
    } catch (java.util.concurrent.CompletionException e) {
      // it never started (logged then)
    }
    core.close();
  }
}
