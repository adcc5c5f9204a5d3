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
 * directory, the in-process work queue, listening on 127.0.0.1:15868 unless told otherwise. Without a Nova
 * in the config it runs the demo ({@link DemoLauncher}); with {@code --no-sim} and no config: noauth2, no Nova.
 */
@Command(name = "aio", mixinStandardHelpOptions = true, description = "All-in-one: API + engine on embedded H2; with no Nova configured, a demo on a simulated cloud.")
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

  @Option(names = "--no-sim", description = "no simulated cloud: without --config, noauth2 and no Nova (the pre-demo behaviour)")
  boolean noSim;

  @Option(names = "--no-monitors", description = "demo: do not report simulated failures as the monitors would; send the notifications yourself")
  boolean noMonitors;

  @Option(names = "--sim-keystone-port", defaultValue = "5000", description = "demo: simulated Keystone port (default: ${DEFAULT-VALUE})")
  int simKeystonePort;

  @Option(names = "--sim-nova-port", defaultValue = "8774", description = "demo: simulated Nova port (default: ${DEFAULT-VALUE})")
  int simNovaPort;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(dataDir);
    // no Nova configured: the demo, with a simulated Keystone and Nova in this JVM (README's first command)
    if (!noSim && (config == null || !DemoLauncher.hasNovaCredentials(ConfigLoading.ini(config)))) {
      return DemoLauncher.run(config, dataDir, listen, port, simKeystonePort, simNovaPort, useConfigDatabase,
          !noMonitors);
    }
    MasakariConfig cfg = config == null
        ? MasakariConfig.ofLines(List.of("[DEFAULT]", "auth_strategy = noauth2", "nova_compute_host_check = false"))
        : MasakariConfig.of(ConfigLoading.ini(config));
    DatabaseUrl url = useConfigDatabase ? null : DatabaseUrl.h2File(dataDir);
    ComputeServiceDirectory dir = cfg.nova().hostCheck() ? null : ComputeServiceDirectory.acceptAll();
    AllInOne aio = AllInOne.start(cfg, url, listen, port, dir);
    try {
      aio.awaitEngine();
    } catch (RuntimeException e) {
      aio.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(aio::close, "shutdown"));
    Daemon.started();
    return 0;
  }
}
