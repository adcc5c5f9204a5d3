package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * 1000 hosts and 20000 servers in one process: paging walks every server exactly once and the
 * host filter finds each host's share. Correctness at scale only; the timing is ScaleBenchmark's job.
 */
class ScaleTest {
  @Test
  void pagesThroughTwentyThousandServersOnAThousandHosts() {
    try (RunningSim sim = TestClouds.start("""
        hosts: [{prefix: compute-, count: 1000}]
        servers:
          - {name_prefix: vm-, count: 20000, project: admin, metadata: {HA_Enabled: "True"}}
        """)) {
      SimClient admin = new SimClient(sim, "admin", "admin");
      Set<String> seen = new HashSet<>();
      String path = "/servers?all_tenants=True";
      int pages = 0;
      while (path != null && pages < 30) {
        JsonObject body = admin.get(path, "2.53").json();
        JsonArray servers = body.getJsonArray("servers");
        servers.forEach(s -> seen.add(((JsonObject) s).getString("id")));
        JsonArray links = body.getJsonArray("servers_links");
        path = links == null ? null : links.getJsonObject(0).getString("href").substring(sim.novaUrl().length());
        pages++;
        if (path != null) {
          assertThat(servers).hasSize(1000);
        }
      }
      assertThat(seen).hasSize(20000);
      assertThat(pages).isEqualTo(21); // 20 full pages, then an empty one: Nova links whenever a page is full
      assertThat(admin.get("/servers/detail?all_tenants=True&host=compute-500", "2.53").json().getJsonArray("servers"))
          .hasSize(20);
      assertThat(admin.get("/os-services?binary=nova-compute", "2.53").json().getJsonArray("services")).hasSize(1000);
      assertThat(admin.get("/os-hypervisors", "2.53").json().getJsonArray("hypervisors")).hasSize(1000);
    }
  }
}
