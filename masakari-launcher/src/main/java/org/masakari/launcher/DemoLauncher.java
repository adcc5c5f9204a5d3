package org.masakari.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.masakari.client.config.IniFile;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.launcher.demo.DemoBanner;
import org.masakari.launcher.demo.DemoCloud;
import org.masakari.launcher.demo.SimulatedMonitors;
import org.masakari.launcher.demo.DemoOptions;

/** {@code masakari aio} with no Nova configured: starts the {@link DemoCloud} and prints what to try. */
final class DemoLauncher {
  private DemoLauncher() {}

  /** The engine needs a Nova; without one in the config, the demo brings its own. */
  static boolean hasNovaCredentials(IniFile ini) {
    return ini.get("DEFAULT", "os_privileged_user_auth_url").filter(e -> !e.value().isBlank()).isPresent();
  }

  static int run(Path config, Path dataDir, String listen, int port, int keystonePort, int novaPort,
      boolean useConfigDatabase) throws IOException {
    return run(config, dataDir, listen, port, keystonePort, novaPort, useConfigDatabase, true);
  }

  static int run(Path config, Path dataDir, String listen, int port, int keystonePort, int novaPort,
      boolean useConfigDatabase, boolean monitors) throws IOException {
    DemoOptions o = DemoOptions.defaults(dataDir, listen, port).withSimPorts(keystonePort, novaPort);
    if (config != null) {
      IniFile ini = ConfigLoading.ini(config);
      o = o.withConfigFile(config, Files.readAllLines(config));
      if (useConfigDatabase) {
        o = o.withDatabase(DatabaseUrl.parse(ini.get("database", "connection").orElseThrow(
            () -> new IllegalArgumentException(config + ": --use-config-database needs [database] connection")).value()));
      }
    }
    DemoCloud cloud = DemoCloud.start(o);
    SimulatedMonitors simulated = monitors ? SimulatedMonitors.attach(cloud) : null;
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (simulated != null) {
        simulated.close();
      }
      cloud.close();
    }, "shutdown"));
    String watch = "bin/masakari watch --endpoint " + cloud.apiUrl();
    System.out.println(DemoBanner.text(cloud, watch, monitors));
    System.out.flush();
    Daemon.started();
    return 0;
  }

}
