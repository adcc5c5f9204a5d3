package org.masakari.launcher;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.api.ApiServer;
import org.masakari.api.policy.Policy;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.core.progress.TaskProgressStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari api --config masakari.conf}: the v1 REST API (masakari-api). */
@Command(name = "api", mixinStandardHelpOptions = true, description = "Run the Masakari v1 REST API.")
public final class ApiCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, description = "masakari.conf (upstream format)")
  Path config;

  @Override
  public Integer call() {
    MasakariConfig cfg = ConfigLoading.load(config);
    CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(null, false, null, null, java.util.List.of()));
    Vertx vertx = Vertx.vertx();
    ApiServer api = new ApiServer(vertx, cfg.api(), cfg.keystone(), Policy.load(cfg.policyFile()),
        new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
            new TaskProgressStore(core.database().tx()),
            new org.masakari.core.actions.NotificationActions(core.database().tx(), core.relay(), core.webhooks()),
            new org.masakari.core.alerts.AlertmanagerReceiver(
                org.masakari.core.alerts.AlertmanagerOptions.from(cfg.ini().section("alertmanager")),
                core.notifications())), cfg.database().maxPoolSize());
    api.start().await();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      vertx.close();
      core.close();
    }, "shutdown"));
    Daemon.started();
    return 0;
  }
}
