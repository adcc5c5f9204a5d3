package org.masakari.monitor.instance;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.client.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari instancemonitor --config FILE}: runs until SIGTERM. */
@Command(name = "instancemonitor", mixinStandardHelpOptions = true,
    description = "Forward libvirt domain events (upstream's filter table) as VM notifications; "
        + "resync after every reconnect.")
public final class InstanceMonitorCommand implements Callable<Integer> {
  /** sysexits.h EX_CONFIG. */
  static final int EXIT_CONFIG = 78;

  @Option(names = "--config", paramLabel = "FILE",
      defaultValue = "/etc/masakarimonitors/masakarimonitors.conf",
      description = "masakarimonitors.conf (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    InstanceMonitorDaemon daemon;
    try {
      daemon = InstanceMonitorDaemon.start(InstanceMonitorConfig.load(config));
    } catch (ConfigException e) {
      System.err.println("instancemonitor: configuration error: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (RuntimeException e) {
      System.err.println("instancemonitor: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "instancemonitor-shutdown"));
    daemon.awaitStopped();
    return 0;
  }
}
