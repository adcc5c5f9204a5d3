package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /sim control API: failures, crashes, hosts, per-call latency and errors, timings. */
class ControlApiTest {
  private RunningSim sim;
  private SimClient admin;

  @BeforeEach
  void start() {
    sim = TestClouds.start(TestClouds.THREE_HOSTS);
    admin = new SimClient(sim, "admin", "admin");
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private String anyServerOn(String host) {
    return admin.get("/servers/detail?all_tenants=1&host=" + host, "2.53").json().getJsonArray("servers")
        .getJsonObject(0).getString("id");
  }

  @Test
  void failAndRecoverAHost() {
    SimClient.Reply r = admin.control("POST", "/hosts/compute-2/fail", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().getJsonObject("host").getBoolean("failed")).isTrue();
    assertThat(admin.control("GET", "", null).json().getJsonArray("failed_hosts")).containsExactly("compute-2");
    // work sent to a dead compute waits, as it would on its queue
    String vm = anyServerOn("compute-2");
    SimClient demo = new SimClient(sim, "demo", "demo");
    assertThat(demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"os-stop\": null}").status()).isEqualTo(202);
    assertThat(admin.control("POST", "/hosts/compute-2/recover", null).json().getJsonObject("host")
        .getBoolean("failed")).isFalse();
    JsonObject s = admin.awaitServer(vm, x -> "SHUTOFF".equals(x.getString("status")), Duration.ofSeconds(3));
    assertThat(s.getValue("OS-EXT-STS:task_state")).isNull();
    assertThat(admin.control("POST", "/hosts/nowhere/fail", null).status()).isEqualTo(404);
  }

  @Test
  void crashStopsTheServerAsLibvirtWouldReport() {
    String vm = anyServerOn("compute-2");
    assertThat(admin.control("POST", "/servers/" + vm + "/crash", null).status()).isEqualTo(200);
    JsonObject s = admin.get("/servers/" + vm, "2.53").json().getJsonObject("server");
    assertThat(s.getString("status")).isEqualTo("SHUTOFF");
    assertThat(s.getInteger("OS-EXT-STS:power_state")).isEqualTo(4);
    assertThat(admin.control("POST", "/servers/" + vm + "/crash", null).status()).isEqualTo(409);
  }

  @Test
  void injectedLatencyDelaysOnlyThatCall() {
    SimClient.Reply set = admin.control("PUT", "/faults/servers.detail", "{\"latency\": \"800ms\"}");
    assertThat(set.status()).isEqualTo(200);
    long t0 = System.nanoTime();
    admin.get("/servers/detail", "2.53");
    long slow = (System.nanoTime() - t0) / 1_000_000;
    assertThat(slow).isGreaterThanOrEqualTo(800);
    t0 = System.nanoTime();
    admin.get("/os-services", "2.53");
    long fast = (System.nanoTime() - t0) / 1_000_000;
    assertThat(fast).isLessThan(800);
  }

  @Test
  void injectedErrorsUseNovaFaultBodies() {
    admin.control("PUT", "/faults/evacuate", "{\"error_rate\": 1.0, \"error_status\": 503}");
    SimClient.Reply r = admin.nova("POST", "/servers/" + anyServerOn("compute-1") + "/action", "2.53", "{\"evacuate\": {}}");
    assertThat(r.status()).isEqualTo(503);
    assertThat(r.json().getJsonObject("serviceUnavailable").getInteger("code")).isEqualTo(503);
    assertThat(admin.control("GET", "/faults", null).json().getJsonObject("faults").containsKey("evacuate")).isTrue();
    admin.control("DELETE", "/faults/evacuate", null);
    // back to Nova's own answer
    assertThat(admin.nova("POST", "/servers/" + anyServerOn("compute-1") + "/action", "2.53", "{\"evacuate\": {}}")
        .status()).isEqualTo(400);
    assertThat(admin.control("PUT", "/faults/x", "{\"error_rate\": 2}").status()).isEqualTo(400);
  }

  @Test
  void addHostsAndChangeTimings() {
    assertThat(admin.control("POST", "/hosts", "{\"prefix\": \"rack-\", \"count\": 5}").status()).isEqualTo(201);
    assertThat(admin.get("/os-hypervisors", "2.53").json().getJsonArray("hypervisors")).hasSize(8);
    SimClient.Reply s = admin.control("PUT", "/settings", "{\"rebuild_delay\": \"5s\", \"service_down_time\": 30}");
    assertThat(s.json().getString("rebuild_delay")).isEqualTo("5s");
    assertThat(s.json().getString("service_down_time")).isEqualTo("30s");
    assertThat(sim.state().settings().rebuildDelay()).isEqualTo(Duration.ofSeconds(5));
    assertThat(admin.control("PUT", "/settings", "{\"service_down_time\": \"0s\"}").status()).isEqualTo(400);
  }
}
