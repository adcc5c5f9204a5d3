package org.masakari.monitor.process;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.client.config.ConfigException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari processmonitor --config FILE}: runs until SIGTERM. */
@Command(name = "processmonitor", mixinStandardHelpOptions = true,
    description = "Restart compute-node processes from process_list.yaml; report PROCESS STOPPED "
        + "for those that cannot be brought back.")
public final class ProcessMonitorCommand implements Callable<Integer> {
  /** sysexits.h EX_CONFIG: systemd shows it and does not hide it behind a generic failure. */
  static final int EXIT_CONFIG = 78;

  @Option(names = "--config", paramLabel = "FILE",
      defaultValue = "/etc/masakarimonitors/masakarimonitors.conf",
      description = "masakarimonitors.conf (default: ${DEFAULT-VALUE})")
  Path config;

  @Override
  public Integer call() throws InterruptedException {
    ProcessMonitorDaemon daemon;
    try {
      daemon = ProcessMonitorDaemon.start(ProcessMonitorConfig.load(config));
    } catch (ConfigException e) {
      System.err.println("processmonitor: configuration error: " + e.getMessage());
      return EXIT_CONFIG;
    } catch (RuntimeException e) {
      System.err.println("processmonitor: cannot start: " + e.getMessage());
      return 1;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "processmonitor-shutdown"));
    daemon.awaitStopped();
    return 0;
  }
}
