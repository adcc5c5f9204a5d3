package org.masakari.launcher;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.masakari.api.ApiServer;
import org.masakari.api.policy.Policy;
import org.masakari.client.config.IniFile;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.runtime.CoreRuntime;
import org.masakari.core.service.WorkflowDetailsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code masakari aio}: everything in one JVM on one machine — the API on embedded H2 under a data
 * directory, the in-process work queue, noauth2, listening on 127.0.0.1:15868 unless told otherwise.
 */
@Command(name = "aio", mixinStandardHelpOptions = true, description = "All-in-one: API (+ engine) on embedded H2.")
public final class AioCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(AioCommand.class);

  @Option(names = "--config", description = "optional masakari.conf; its [database] connection is ignored unless --use-config-database")
  Path config;

  @Option(names = "--data-dir", defaultValue = "var/aio", description = "where the embedded database lives (default: ${DEFAULT-VALUE})")
  Path dataDir;

  @Option(names = "--listen", defaultValue = "127.0.0.1", description = "address to listen on (default: ${DEFAULT-VALUE})")
  String listen;

  @Option(names = "--port", defaultValue = "15868", description = "API port (default: ${DEFAULT-VALUE})")
  int port;

  @Option(names = "--use-config-database", description = "use [database] connection from --config instead of H2")
  boolean useConfigDatabase;

  @Override
  public Integer call() throws Exception {
    long t0 = System.nanoTime();
    Files.createDirectories(dataDir);
    List<String> lines = new ArrayList<>(List.of("[DEFAULT]", "auth_strategy = noauth2", "nova_compute_host_check = false"));
    MasakariConfig cfg = config == null ? MasakariConfig.ofLines(lines)
        : MasakariConfig.of(IniFile.load(config));
    DatabaseUrl url = useConfigDatabase ? null : DatabaseUrl.h2File(dataDir);
    CoreRuntime core = CoreRuntime.start(cfg, new CoreRuntime.Mode(url, true, new InProcessWorkQueue(),
        config == null || !cfg.nova().hostCheck() ? org.masakari.core.nova.ComputeServiceDirectory.acceptAll() : null,
        List.of()));
    Vertx vertx = Vertx.vertx();
    ApiServer api = new ApiServer(vertx, cfg.api().withListen(listen, port), cfg.keystone(),
        Policy.load(cfg.policyFile()), new ApiServer.Services(core.segments(), core.hosts(), core.notifications(),
            WorkflowDetailsSource.none()), cfg.database().maxPoolSize());
    api.start().await();
    LOG.info("all-in-one ready in {} ms: API http://{}:{}/v1 (noauth2), database {}", (System.nanoTime() - t0) / 1_000_000,
        listen, api.port(), core.database().url());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      api.close();
      vertx.close();
      core.close();
    }, "shutdown"));
    Daemon.started();
    return 0;
  }
}
