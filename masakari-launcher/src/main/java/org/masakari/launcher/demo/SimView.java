package org.masakari.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import org.masakari.sim.RunningSim;
import org.masakari.sim.cloud.Migration;
import org.masakari.sim.cloud.Page;
import org.masakari.sim.cloud.ServerQuery;
import org.masakari.sim.cloud.ServerSnapshot;
import org.masakari.sim.cloud.ServiceSnapshot;

/** Reads the simulated cloud as its admin sees it: servers (every page), services, migrations. */
public final class SimView {
  /** Nova's osapi_max_limit: the simulator's page size. */
  private static final int PAGE = 1000;
  /** Bounds the paging loop: far above the 20 000 servers the simulator is sized for. */
  private static final int MAX_PAGES = 1000;

  private final RunningSim sim;

  public SimView(RunningSim sim) {
    this.sim = sim;
  }

  public List<ServerSnapshot> servers() {
    List<ServerSnapshot> out = new ArrayList<>();
    String marker = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      Page<ServerSnapshot> p = sim.servers().list(DemoCloud.SIM_ADMIN,
          new ServerQuery(true, null, null, null, null, PAGE, marker));
      out.addAll(p.items());
      if (!p.full() || p.items().isEmpty()) {
        return out;
      }
      marker = p.items().get(p.items().size() - 1).id();
    }
    throw new IllegalStateException("more than " + MAX_PAGES + " pages of servers");
  }

  public List<ServerSnapshot> serversNamed(String prefix) {
    return servers().stream().filter(s -> s.name().startsWith(prefix)).toList();
  }

  public ServerSnapshot server(String id) {
    return sim.servers().show(DemoCloud.SIM_ADMIN, id);
  }

  public ServiceSnapshot compute(String host) {
    return sim.state().services(DemoCloud.SIM_ADMIN, host, "nova-compute").get(0);
  }

  public List<Migration> migrations() {
    return sim.state().migrations(DemoCloud.SIM_ADMIN, null);
  }
}
