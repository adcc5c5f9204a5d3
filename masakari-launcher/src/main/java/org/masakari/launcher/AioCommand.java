package org.masakari.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.masakari.client.config.IniFile;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.nova.ComputeServiceDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code masakari aio}: everything in one JVM on one machine — the API on embedded H2 under a data
 * directory, the in-process work queue, noauth2, listening on 127.0.0.1:15868 unless told otherwise.
 */
@Command(name = "aio", mixinStandardHelpOptions = true, description = "All-in-one: API (+ engine) on embedded H2.")
public final class AioCommand implements Callable<Integer> {
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
    Files.createDirectories(dataDir);
    MasakariConfig cfg = config == null
        ? MasakariConfig.ofLines(List.of("[DEFAULT]", "auth_strategy = noauth2", "nova_compute_host_check = false"))
        : MasakariConfig.of(ConfigLoading.ini(config));
    DatabaseUrl url = useConfigDatabase ? null : DatabaseUrl.h2File(dataDir);
    ComputeServiceDirectory dir = cfg.nova().hostCheck() ? null : ComputeServiceDirectory.acceptAll();
    AllInOne aio = AllInOne.start(cfg, url, listen, port, dir);
    Runtime.getRuntime().addShutdownHook(new Thread(aio::close, "shutdown"));
    Daemon.started();
    return 0;
  }
}
