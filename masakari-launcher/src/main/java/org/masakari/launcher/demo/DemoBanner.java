package org.masakari.launcher.demo;

import java.util.Comparator;
import java.util.List;
import org.masakari.sim.cloud.ServerSnapshot;

/** What {@code masakari aio} prints once the demo cloud is up: where things are and what to try. */
public final class DemoBanner {
  private DemoBanner() {}

  public static String text(DemoCloud cloud, String watchCommand) {
    return text(cloud, watchCommand, false);
  }

  /** @param monitors whether simulated monitors report the simulator's failures (else the user does) */
  public static String text(DemoCloud cloud, String watchCommand, boolean monitors) {
    String nova = cloud.sim().novaRoot();
    List<ServerSnapshot> servers = new SimView(cloud.sim()).servers().stream()
        .sorted(Comparator.comparing(ServerSnapshot::name)).toList();
    ServerSnapshot crashMe = servers.stream()
        .filter(s -> s.name().startsWith(DemoScenario.HA_PREFIX) && s.host().equals(DemoScenario.COMPUTE_HOSTS.get(1)))
        .findFirst().orElse(servers.get(0));
    StringBuilder b = new StringBuilder();
    b.append("\n==== Masakari all-in-one demo: a simulated cloud is running in this process ====\n\n");
    b.append("  Masakari API   ").append(cloud.apiUrl()).append("   (keystone auth)\n");
    b.append("  Keystone       ").append(cloud.sim().keystoneUrl()).append("   (users admin/admin, demo/demo,"
        + " service user masakari/masakari)\n");
    b.append("  Nova           ").append(cloud.sim().novaUrl()).append("\n");
    b.append("  simulator      ").append(nova).append("/sim   (fail hosts, crash servers; docs/cloud-sim.md)\n");
    b.append("  segment        ").append(DemoScenario.SEGMENT).append(": ")
        .append(String.join(", ", DemoScenario.COMPUTE_HOSTS)).append(", ").append(DemoScenario.RESERVED_HOST)
        .append(" (reserved)\n\n");
    b.append("  servers:\n");
    for (ServerSnapshot s : servers) {
      b.append(String.format("    %-6s %s  on %-10s HA_Enabled=%s%n", s.name(), s.id(), s.host(),
          s.metadata().getOrDefault("HA_Enabled", "-")));
    }
    b.append("\n  The openstack CLI works as in a real cloud. Export (also in ").append(cloud.openrc()).append("):\n\n");
    Openrc.text(cloud.sim().keystoneUrl()).lines().forEach(l -> b.append("    ").append(l).append('\n'));
    b.append("\n  Then try:\n\n");
    b.append("    openstack segment list; openstack segment host list ").append(DemoScenario.SEGMENT).append('\n');
    b.append("    openstack server list --all-projects --long\n");
    b.append("    ").append(watchCommand).append("          # in another terminal: recovery as it happens\n\n");
    if (monitors) {
      b.append("    # a host dies (the simulator); the demo's hostmonitor reports it at once:\n");
      b.append("    curl -X POST ").append(nova).append("/sim/hosts/compute-1/fail\n");
      b.append("    openstack notification list; openstack notification show <uuid>\n");
      b.append("    openstack server list --all-projects --long      # ha-* servers now on other hosts\n\n");
      b.append("    # a guest crashes; the demo's instancemonitor reports it:\n");
      b.append("    curl -X POST ").append(nova).append("/sim/servers/").append(crashMe.id()).append("/crash\n\n");
      b.append("    # (start with --no-monitors to send the monitors' notifications yourself:\n");
      b.append("    #  openstack notification create COMPUTE_HOST compute-1 \"$(date -u +%Y-%m-%dT%H:%M:%S)\" \\\n"
          + "    #    '{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}')\n\n");
    } else {
      b.append("    # a host dies (the simulator), and hostmonitor reports it:\n");
      b.append("    curl -X POST ").append(nova).append("/sim/hosts/compute-1/fail\n");
      b.append("    openstack notification create COMPUTE_HOST compute-1 \"$(date -u +%Y-%m-%dT%H:%M:%S)\" \\\n"
          + "      '{\"event\": \"STOPPED\", \"host_status\": \"NORMAL\", \"cluster_status\": \"OFFLINE\"}'\n");
      b.append("    openstack notification list; openstack notification show <uuid>\n");
      b.append("    openstack server list --all-projects --long      # ha-* servers now on other hosts\n\n");
      b.append("    # a guest crashes, and instancemonitor reports it:\n");
      b.append("    curl -X POST ").append(nova).append("/sim/servers/").append(crashMe.id()).append("/crash\n");
      b.append("    openstack notification create VM ").append(crashMe.host())
          .append(" \"$(date -u +%Y-%m-%dT%H:%M:%S)\" \\\n      '{\"event\": \"LIFECYCLE\", \"instance_uuid\": \"")
          .append(crashMe.id()).append("\", \"vir_domain_event\": \"STOPPED_FAILED\"}'\n\n");
    }
    b.append("    # the API with curl:\n");
    b.append("    TOKEN=$(openstack token issue -f value -c id)\n");
    b.append("    curl -s -H \"X-Auth-Token: $TOKEN\" -H 'OpenStack-API-Version: instance-ha 1.3' ")
        .append(cloud.apiUrl()).append("/notifications\n");
    b.append("    curl -s ").append(nova).append("/sim           # the simulator's summary\n\n");
    b.append("  Stop with Ctrl-C. Everything but the H2 database (in the data directory) is forgotten.\n");
    return b.toString();
  }
}
