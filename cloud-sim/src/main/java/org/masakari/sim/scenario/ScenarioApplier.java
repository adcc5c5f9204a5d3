package org.masakari.sim.scenario;

import java.util.Map;
import org.masakari.sim.cloud.Caller;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.Flavor;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.cloud.VmState;
import org.masakari.sim.control.FaultInjector;
import org.masakari.sim.keystone.Identity;

/** Puts a scenario's hosts, aggregates, servers and faults into a fresh cloud. */
public final class ScenarioApplier {
  private ScenarioApplier() {}

  /** Timing options by their scenario names, over a base. */
  public static CloudSettings settings(CloudSettings base, Map<String, String> overrides) {
    CloudSettings s = base;
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      java.time.Duration d = Durations.parse(e.getKey(), e.getValue());
      s = switch (e.getKey()) {
        case "service_down_time" -> s.withServiceDownTime(d);
        case "report_interval" -> new CloudSettings(s.serviceDownTime(), d, s.buildDelay(), s.rebuildDelay(),
            s.powerOffDelay(), s.powerOnDelay(), s.hostCleanupDelay());
        case "build_delay" -> s.withBuildDelay(d);
        case "rebuild_delay" -> s.withRebuildDelay(d);
        case "power_off_delay" -> s.withPowerDelays(d, s.powerOnDelay());
        case "power_on_delay" -> s.withPowerDelays(s.powerOffDelay(), d);
        case "host_cleanup_delay" -> s.withHostCleanupDelay(d);
        default -> throw new IllegalArgumentException("unknown setting " + e.getKey());
      };
    }
    return s;
  }

  public static void apply(Scenario sc, CloudState state, ServerOperations servers, FaultInjector faults, Identity identity) {
    sc.hosts().forEach(state::addHost);
    Caller admin = new Caller(null, null, true);
    for (Scenario.AggregateSpec a : sc.aggregates()) {
      int id = state.createAggregate(admin, a.name(), a.availabilityZone()).id();
      a.hosts().forEach(h -> state.addHostToAggregate(admin, id, h));
    }
    for (Scenario.ServerSeed s : sc.servers()) {
      Identity.Project project = identity.projectByName(s.project()).orElseThrow(() ->
          new IllegalArgumentException("server " + s.name() + ": unknown project " + s.project()));
      String userId = identity.users().stream().filter(u -> u.project().id().equals(project.id()))
          .map(Identity.User::id).findFirst().orElse(null);
      Flavor flavor = Flavor.byId(s.flavor());
      if (flavor == null) {
        throw new IllegalArgumentException("server " + s.name() + ": unknown flavor " + s.flavor());
      }
      VmState vm = switch (s.status()) {
        case "SHUTOFF" -> VmState.STOPPED;
        case "ERROR" -> VmState.ERROR;
        default -> VmState.ACTIVE;
      };
      servers.seed(s.name(), project.id(), userId, s.host(), vm, s.metadata(), flavor);
    }
    sc.faults().forEach(faults::set);
  }
}
