package org.masakari.sim;

import java.nio.file.Path;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.masakari.sim.control.CallFault;
import org.masakari.sim.scenario.Durations;
import org.masakari.sim.scenario.Scenario;
import org.masakari.sim.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code masakari sim}: runs the simulated Keystone + Nova until SIGTERM. */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = "Simulated Keystone v3 + Nova v2.1 with many hosts and servers, injected latency and failures.")
public final class SimCommand implements Callable<Integer> {

  @Option(names = "--bind", description = "Address to listen on (default ${DEFAULT-VALUE}).")
  String bind = SimConfig.DEFAULT_HOST;

  @Option(names = "--public-host", description = "Host name put in catalog URLs (default: the --bind address).")
  String publicHost;

  @Option(names = "--keystone-port", description = "Keystone v3 port (default ${DEFAULT-VALUE}).")
  int keystonePort = SimConfig.DEFAULT_KEYSTONE_PORT;

  @Option(names = "--nova-port", description = "Nova v2.1 and /sim control port (default ${DEFAULT-VALUE}).")
  int novaPort = SimConfig.DEFAULT_NOVA_PORT;

  @Option(names = "--scenario", description = "Scenario YAML file: users, hosts, aggregates, servers, faults, settings.")
  Path scenario;

  @Option(names = "--hosts", description = "Without --scenario: this many hosts compute-1..N (default ${DEFAULT-VALUE}).")
  int hosts = 3;

  @Option(names = "--masakari-url", description = "instance-ha endpoint in the catalog (default ${DEFAULT-VALUE}).")
  String masakariUrl = SimConfig.DEFAULT_MASAKARI_URL;

  @Option(names = "--service-down-time", description = "Nova's service_down_time, e.g. 60s (default 60s).")
  String serviceDownTime;

  @Option(names = "--build-delay", description = "BUILD to ACTIVE (default 500ms).")
  String buildDelay;

  @Option(names = "--rebuild-delay", description = "Evacuation rebuilding to ACTIVE (default 2s).")
  String rebuildDelay;

  @Option(names = "--power-off-delay", description = "powering-off to SHUTOFF (default 500ms).")
  String powerOffDelay;

  @Option(names = "--power-on-delay", description = "powering-on to ACTIVE (default 500ms).")
  String powerOnDelay;

  @Option(names = "--host-cleanup-delay", description = "Recovered host: done evacuations become completed after (default 4s).")
  String hostCleanupDelay;

  @Option(names = "--latency", paramLabel = "CALL=DURATION",
      description = "Added latency per call, repeatable: evacuate=1s, '*'=20ms.")
  List<String> latencies = new ArrayList<>();

  @Option(names = "--error-rate", paramLabel = "CALL=RATE[:STATUS]",
      description = "Share of calls failed, repeatable: evacuate=0.1:500.")
  List<String> errorRates = new ArrayList<>();

  @Override
  public Integer call() throws InterruptedException {
    RunningSim sim;
    try {
      sim = CloudSim.start(config());
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a bad option, scenario or busy port: one line that names it, not a stack trace
      System.err.println("sim: " + e.getMessage());
      return 2;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      sim.close();
      stopped.countDown();
    }, "sim-shutdown"));
    System.out.println("Keystone: " + sim.keystoneUrl() + "  (admin/admin, demo/demo, domain Default)");
    System.out.println("Nova:     " + sim.novaUrl());
    System.out.println("Control:  " + sim.novaRoot() + "/sim");
    // the launcher exits when a subcommand returns, so block until SIGTERM runs the hook
    stopped.await();
    return 0;
  }

  /** Runs the simulator without the launcher: {@code java -cp ... org.masakari.sim.SimCommand --help}. */
  public static void main(String[] args) {
    System.exit(new picocli.CommandLine(new SimCommand()).execute(args));
  }

  /** The configuration these options describe; flags override the scenario file's settings. */
  SimConfig config() {
    Scenario sc = scenario != null ? ScenarioLoader.load(scenario) : Scenario.hosts("compute-", hosts);
    Map<String, String> settings = new LinkedHashMap<>(sc.settings());
    put(settings, "service_down_time", serviceDownTime);
    put(settings, "build_delay", buildDelay);
    put(settings, "rebuild_delay", rebuildDelay);
    put(settings, "power_off_delay", powerOffDelay);
    put(settings, "power_on_delay", powerOnDelay);
    put(settings, "host_cleanup_delay", hostCleanupDelay);
    Map<String, CallFault> faults = new LinkedHashMap<>(sc.faults());
    for (String l : latencies) {
      String[] kv = split("--latency", l);
      CallFault old = faults.getOrDefault(kv[0], CallFault.NONE);
      faults.put(kv[0], new CallFault(Durations.parse("--latency " + kv[0], kv[1]), old.errorRate(), old.errorStatus()));
    }
    for (String e : errorRates) {
      String[] kv = split("--error-rate", e);
      String[] rs = kv[1].split(":", 2);
      CallFault old = faults.getOrDefault(kv[0], CallFault.NONE);
      try {
        faults.put(kv[0], new CallFault(old.latency(), Double.parseDouble(rs[0]),
            rs.length > 1 ? Integer.parseInt(rs[1]) : old.errorStatus()));
      } catch (NumberFormatException ex) {
        throw new IllegalArgumentException("--error-rate: '" + e + "' is not CALL=RATE[:STATUS]", ex);
      }
    }
    Scenario merged = new Scenario(settings, sc.users(), sc.hosts(), sc.aggregates(), sc.servers(), faults);
    settings.forEach((key, value) -> Durations.parse(key, value));
    return SimConfig.defaults()
        .withHosts(bind, publicHost != null ? publicHost : ("0.0.0.0".equals(bind) ? "127.0.0.1" : bind))
        .withPorts(keystonePort, novaPort)
        .withMasakariUrl(masakariUrl)
        .withScenario(merged);
  }

  private static void put(Map<String, String> m, String key, String value) {
    if (value != null) {
      m.put(key, value);
    }
  }

  private static String[] split(String option, String text) {
    int eq = text.lastIndexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + ": '" + text + "' is not CALL=VALUE");
    }
    return new String[] {text.substring(0, eq), text.substring(eq + 1)};
  }

}
