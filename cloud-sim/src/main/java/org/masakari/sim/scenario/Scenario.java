package org.masakari.sim.scenario;

import java.util.List;
import java.util.Map;
import org.masakari.sim.control.CallFault;
import org.masakari.sim.keystone.UserAccount;

/**
 * A cloud to start with, as read from a YAML file: users, hosts, aggregates, servers, faults and
 * timings. Every list may be empty.
 *
 * @param settings timing overrides by option name (service_down_time, rebuild_delay, ...)
 * @param users replaces the default admin/demo users when not empty
 * @param hosts host names, in order
 * @param servers servers, each on a named host
 * @param faults per-call latency and error rates
 */
public record Scenario(
    Map<String, String> settings,
    List<UserAccount> users,
    List<String> hosts,
    List<AggregateSpec> aggregates,
    List<ServerSeed> servers,
    Map<String, CallFault> faults) {

  public Scenario {
    settings = Map.copyOf(settings);
    users = List.copyOf(users);
    hosts = List.copyOf(hosts);
    aggregates = List.copyOf(aggregates);
    servers = List.copyOf(servers);
    faults = Map.copyOf(faults);
  }

  public static Scenario empty() {
    return new Scenario(Map.of(), List.of(), List.of(), List.of(), List.of(), Map.of());
  }

  /** {@code count} hosts named {@code prefix1..prefixN}, the shape of the benchmark and demo clouds. */
  public static Scenario hosts(String prefix, int count) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      names.add(prefix + i);
    }
    return new Scenario(Map.of(), List.of(), names, List.of(), List.of(), Map.of());
  }

  /** An aggregate with its member hosts. */
  public record AggregateSpec(String name, String availabilityZone, List<String> hosts) {
    public AggregateSpec {
      hosts = List.copyOf(hosts);
    }
  }

  /**
   * A server placed on a host in a state.
   *
   * @param status ACTIVE, SHUTOFF or ERROR
   */
  public record ServerSeed(String name, String host, String project, String status, String flavor,
      Map<String, String> metadata) {
    public ServerSeed {
      metadata = Map.copyOf(metadata);
    }
  }
}
