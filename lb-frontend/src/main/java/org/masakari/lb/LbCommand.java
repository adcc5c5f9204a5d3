package org.masakari.lb;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.masakari.lb.config.ConfigException;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.config.LbConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code masakari lb --config lb.yaml}: runs the VRRP instances and the balancer until SIGTERM, then
 * stops gracefully (priority-0 advert, VIPs removed). SIGHUP reloads the file.
 */
@Command(name = "lb", mixinStandardHelpOptions = true,
    description = "VRRP virtual IP and TCP/HTTP load balancer (keepalived + HAProxy replacement)")
public final class LbCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(LbCommand.class);
  static final int EXIT_BAD_CONFIG = 2;

  @Option(names = "--config", description = "lb.yaml to run")
  Path config;

  @Option(names = "--listen", description = "quick mode without a file: host:port of one HTTP frontend")
  String listen;

  @Option(names = "--backends", split = ",", description = "quick mode: back-end host:port list")
  java.util.List<String> backends;

  @Option(names = "--mode", defaultValue = "http", description = "quick mode: http or tcp")
  String mode;

  @Option(names = "--check-inter", defaultValue = "2000", description = "quick mode: check interval in ms")
  int checkInterMs;

  @Option(names = "--check-fall", defaultValue = "3")
  int checkFall;

  @Option(names = "--check-rise", defaultValue = "2")
  int checkRise;

  @Option(names = "--check-type", defaultValue = "tcp", description = "quick mode: tcp or http")
  String checkType;

  @Option(names = "--event-loops", defaultValue = "0", description = "quick mode: event loops (0 = per CPU)")
  int eventLoops;

  @Option(names = "--check-only", description = "validate the configuration and exit")
  boolean checkOnly;

  @Override
  public Integer call() throws Exception {
    LbConfig cfg;
    try {
      cfg = loadConfig();
    } catch (ConfigException e) {
      System.err.println("lb: configuration rejected: " + e.getMessage());
      return EXIT_BAD_CONFIG;
    }
    if (checkOnly) {
      System.out.println("lb: configuration OK");
      return 0;
    }
    LbRuntime runtime = new LbRuntime(cfg, this::loadConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      LOG.info("stopping (signal)");
      runtime.close();
      stopped.countDown();
    }, "lb-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      runtime.start();
    } catch (RuntimeException e) {
      LOG.error("start failed: {}", e.toString());
      runtime.close();
      return 1;
    }
    SighupReload.install(runtime::reload);
    stopped.await();
    return 0;
  }

  LbConfig loadConfig() {
    if (config != null) {
      return LbConfigLoader.load(config);
    }
    if (listen == null || backends == null || backends.isEmpty()) {
      throw new ConfigException("give --config lb.yaml, or --listen host:port with --backends h:p,h:p");
    }
    return QuickConfig.of(listen, backends, mode, checkType, checkInterMs, checkFall, checkRise, eventLoops);
  }
}
