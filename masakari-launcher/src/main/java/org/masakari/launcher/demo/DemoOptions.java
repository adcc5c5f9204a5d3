package org.masakari.launcher.demo;

import java.nio.file.Path;
import java.util.List;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.sim.SimConfig;
import org.masakari.sim.cloud.CloudSettings;

/**
 * How to start the demo cloud.
 *
 * @param dataDir where the openrc file is written (and the H2 database lives unless {@code database} is given)
 * @param database null: embedded H2 under dataDir
 * @param listen API listen address
 * @param apiPort API port; 0 picks a free one (tests)
 * @param keystonePort simulated Keystone port (0: free port)
 * @param novaPort simulated Nova port (0: free port)
 * @param settings simulator timings
 * @param configFile the operator's masakari.conf (without Nova credentials), or null; its lines come
 *     first, so the demo's own lines override them
 * @param baseLines the lines of configFile (empty without one)
 * @param extraLines appended after the demo's lines, each group starting with its [section] (tests)
 * @param recoveryMethod the segment's recovery method
 */
public record DemoOptions(Path dataDir, DatabaseUrl database, String listen, int apiPort, int keystonePort,
    int novaPort, CloudSettings settings, Path configFile, List<String> baseLines, List<String> extraLines,
    String recoveryMethod) {

  public DemoOptions {
    baseLines = List.copyOf(baseLines);
    extraLines = List.copyOf(extraLines);
  }

  /** What {@code masakari aio} uses: the documented default ports, the simulator's default timings. */
  public static DemoOptions defaults(Path dataDir, String listen, int apiPort) {
    return new DemoOptions(dataDir, null, listen, apiPort, SimConfig.DEFAULT_KEYSTONE_PORT, SimConfig.DEFAULT_NOVA_PORT,
        CloudSettings.defaults(), null, List.of(), List.of(), "auto");
  }

  public DemoOptions withSimPorts(int keystone, int nova) {
    return new DemoOptions(dataDir, database, listen, apiPort, keystone, nova, settings, configFile, baseLines,
        extraLines, recoveryMethod);
  }

  public DemoOptions withSettings(CloudSettings s) {
    return new DemoOptions(dataDir, database, listen, apiPort, keystonePort, novaPort, s, configFile, baseLines,
        extraLines, recoveryMethod);
  }

  public DemoOptions withConfigFile(Path file, List<String> lines) {
    return new DemoOptions(dataDir, database, listen, apiPort, keystonePort, novaPort, settings, file, lines,
        extraLines, recoveryMethod);
  }

  public DemoOptions withExtraLines(List<String> lines) {
    return new DemoOptions(dataDir, database, listen, apiPort, keystonePort, novaPort, settings, configFile, baseLines,
        lines, recoveryMethod);
  }

  public DemoOptions withDatabase(DatabaseUrl url) {
    return new DemoOptions(dataDir, url, listen, apiPort, keystonePort, novaPort, settings, configFile, baseLines,
        extraLines, recoveryMethod);
  }

  public DemoOptions withRecoveryMethod(String method) {
    return new DemoOptions(dataDir, database, listen, apiPort, keystonePort, novaPort, settings, configFile, baseLines,
        extraLines, method);
  }
}
