package org.masakari.launcher;

import io.vertx.core.Vertx;
import java.util.List;
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
  private final Engine engine;

  private AllInOne(CoreRuntime core, Vertx vertx, ApiServer api, Engine engine) {
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
    CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(databaseUrl, true, new InProcessWorkQueue(),
        directory, List.of()));
    // the engine consumes the same in-process queue the API's outbox relay publishes to
    Engine engine = Engine.start(cfg, core.database(), core.queue());
    Vertx vertx = Vertx.vertx();
    ApiServer api = new ApiServer(vertx, cfg.api().withListen(listen, port), cfg.keystone(),
        Policy.load(cfg.policyFile()), new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
            new TaskProgressStore(core.database().tx()),
            new org.masakari.core.actions.NotificationActions(core.database().tx(), core.relay()),
            new org.masakari.core.alerts.AlertmanagerReceiver(
                org.masakari.core.alerts.AlertmanagerOptions.from(cfg.ini().section("alertmanager")),
                core.notifications())), cfg.database().maxPoolSize());
    try {
      api.start().await();
    } catch (RuntimeException e) {
      vertx.close();
      engine.close();
      core.close();
      throw new IllegalStateException("cannot start the API on " + listen + ":" + port + ": " + e.getMessage(), e);
    }
    LOG.info("all-in-one ready in {} ms: API http://{}:{}/v1 ({}) + engine {}, database {}", (System.nanoTime() - t0) / 1_000_000,
        listen, api.port(), cfg.api().authStrategy(), engine.id(), core.database().url());
    return new AllInOne(core, vertx, api, engine);
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
    engine.close();
    core.close();
  }
}
