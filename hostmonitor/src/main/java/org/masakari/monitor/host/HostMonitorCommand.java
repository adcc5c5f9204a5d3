package org.masakari.monitor.host;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.client.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari hostmonitor --config FILE}: runs until SIGTERM. */
@Command(name = "hostmonitor", mixinStandardHelpOptions = true,
    description = "Report failed peer hosts (COMPUTE_HOST) using Pacemaker (upstream's driver) or UDP heartbeats.")
public final class HostMonitorCommand implements Callable<Integer> {
  /** sysexits.h EX_CONFIG. */
  static final int EXIT_CONFIG = 78;

  @Option(names = "--config", paramLabel = "FILE",
      defaultValue = "/etc/masakarimonitors/masakarimonitors.conf",
      description = "masakarimonitors.conf (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    HostMonitorDaemon daemon;
    try {
      daemon = HostMonitorDaemon.start(HostMonitorConfig.load(config));
    } catch (ConfigException e) {
      System.err.println("hostmonitor: configuration error: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (RuntimeException e) {
      System.err.println("hostmonitor: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "hostmonitor-shutdown"));
    daemon.awaitStopped();
    return 0;
  }
}
