package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.sim.cloud.Caller;
import org.masakari.sim.cloud.ServerSnapshot;

/**
 * The real Debian {@code openstack} (python3-openstackclient) and {@code nova} (python3-novaclient)
 * command-line clients against the simulator: the operator's HA walk-through of real-nova.md.
 * Installs the two packages with apt-get when they are missing. One scenario, steps in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliClientsTest {
  private static final Duration CLI_TIMEOUT = Duration.ofSeconds(90);
  private static RunningSim sim;
  @TempDir static Path home;

  /** One CLI run: exit code and both streams. */
  record Run(int rc, String out, String err) {}

  @BeforeAll
  static void start() throws Exception {
    ensureInstalled();
    sim = TestClouds.start("""
        hosts: [compute-1, compute-2, compute-3]
        servers:
          - {name: ha-vm1, host: compute-1, project: admin, metadata: {HA_Enabled: "True"}}
          - {name: ha-vm2, host: compute-1, project: admin, metadata: {HA_Enabled: "True"}}
        """);
  }

  @AfterAll
  static void stop() {
    if (sim != null) {
      sim.close();
    }
  }

  private static void ensureInstalled() throws Exception {
    if (onPath("openstack") && onPath("nova")) {
      return;
    }
    List<String> cmd = List.of("apt-get", "-o", "DPkg::Lock::Timeout=600", "install", "-y", "-q",
        "--no-install-recommends", "python3-openstackclient", "python3-novaclient");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(home.resolve("apt.log").toFile()).start();
    if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError("apt-get install of the OpenStack clients failed (needs root and a Debian mirror): "
          + Files.readString(home.resolve("apt.log")));
    }
  }

  private static boolean onPath(String exe) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, exe))) {
        return true;
      }
    }
    return false;
  }

  /** Runs a client with only the OS_* variables of the simulator (nothing from the caller's shell). */
  private static Run cli(String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(args);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("OS_"));
    env.put("HOME", home.toString());
    env.put("OS_AUTH_URL", sim.keystoneUrl());
    env.put("OS_USERNAME", "admin");
    env.put("OS_PASSWORD", "admin");
    env.put("OS_PROJECT_NAME", "admin");
    env.put("OS_USER_DOMAIN_NAME", "Default");
    env.put("OS_PROJECT_DOMAIN_NAME", "Default");
    env.put("OS_IDENTITY_API_VERSION", "3");
    env.put("OS_COMPUTE_API_VERSION", "2.53");
    env.put("PYTHONWARNINGS", "ignore");
    Path out = Files.createTempFile(home, "out", ".txt");
    Path err = Files.createTempFile(home, "err", ".txt");
    Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(CLI_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + " did not finish in " + CLI_TIMEOUT);
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static ServerSnapshot server(String name) {
    Caller admin = new Caller(null, null, true);
    return sim.servers().list(admin, new org.masakari.sim.cloud.ServerQuery(true, null, "^" + name + "$", null, null, 10, null))
        .items().get(0);
  }

  private static boolean forcedDown(String host) {
    return sim.state().services(new Caller(null, null, true), host, "nova-compute").get(0).forcedDown();
  }

  @Test
  @Order(1)
  void listsServicesAndServers() throws Exception {
    Run services = cli("openstack", "compute", "service", "list", "-f", "json");
    assertThat(services.rc()).as(services.err()).isZero();
    JsonArray rows = new JsonArray(services.out());
    assertThat(rows).hasSize(5);
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("Host"))).contains("compute-1", "controller");
    assertThat(rows.stream().map(r -> ((JsonObject) r).getString("State"))).containsOnly("up");

    Run servers = cli("openstack", "server", "list", "--all-projects", "--host", "compute-1", "-f", "json");
    assertThat(servers.rc()).as(servers.err()).isZero();
    assertThat(new JsonArray(servers.out()).stream().map(r -> ((JsonObject) r).getString("Name")))
        .containsExactlyInAnyOrder("ha-vm1", "ha-vm2");

    Run novaList = cli("nova", "list", "--all-tenants");
    assertThat(novaList.rc()).as(novaList.err()).isZero();
    assertThat(novaList.out()).contains("ha-vm1", "ha-vm2", "ACTIVE");
    Run novaServices = cli("nova", "service-list", "--binary", "nova-compute");
    assertThat(novaServices.rc()).as(novaServices.err()).isZero();
    assertThat(novaServices.out()).contains("compute-1", "compute-2", "compute-3");
  }

  @Test
  @Order(2)
  void evacuateIsRefusedWhileTheComputeIsUp() throws Exception {
    Run r = cli("nova", "evacuate", "ha-vm1");
    assertThat(r.rc()).isNotZero();
    assertThat(r.err()).contains("Compute service of compute-1 is still in use. (HTTP 400)");
  }

  @Test
  @Order(3)
  void forceDownThenEvacuate() throws Exception {
    sim.state().failHost("compute-1");
    Run down = cli("openstack", "compute", "service", "set", "--down", "compute-1", "nova-compute");
    assertThat(down.rc()).as(down.err()).isZero();
    assertThat(forcedDown("compute-1")).isTrue();

    Run evacuate = cli("nova", "evacuate", "ha-vm1");
    assertThat(evacuate.rc()).as(evacuate.err()).isZero();
    // OSC 6.0 evacuates but exits 1 ("'TupleWithMeta' object has no attribute 'to_dict'"), as on real Nova
    cli("openstack", "server", "evacuate", "ha-vm2");
    assertThat(Poll.until(Duration.ofSeconds(10), () -> "ACTIVE".equals(server("ha-vm1").status())
        && "ACTIVE".equals(server("ha-vm2").status()))).isTrue();
    assertThat(server("ha-vm1").host()).isNotEqualTo("compute-1");
    assertThat(server("ha-vm2").host()).isNotEqualTo("compute-1");
  }

  @Test
  @Order(4)
  void stopStartAndLock() throws Exception {
    Run stop = cli("openstack", "server", "stop", "ha-vm1");
    assertThat(stop.rc()).as(stop.err()).isZero();
    assertThat(Poll.until(Duration.ofSeconds(5), () -> "SHUTOFF".equals(server("ha-vm1").status()))).isTrue();
    Run start = cli("nova", "start", "ha-vm1");
    assertThat(start.rc()).as(start.err()).isZero();
    assertThat(Poll.until(Duration.ofSeconds(5), () -> "ACTIVE".equals(server("ha-vm1").status()))).isTrue();

    Run lock = cli("openstack", "server", "lock", "ha-vm1");
    assertThat(lock.rc()).as(lock.err()).isZero();
    assertThat(server("ha-vm1").locked()).isTrue();
    Run unlock = cli("nova", "unlock", "ha-vm1");
    assertThat(unlock.rc()).as(unlock.err()).isZero();
    assertThat(server("ha-vm1").locked()).isFalse();
  }

  @Test
  @Order(5)
  void forcingUpIsRefusedWhileDoneEvacuationsRemain() throws Exception {
    String id = sim.state().services(new Caller(null, null, true), "compute-1", "nova-compute").get(0).uuid();
    Run up = cli("nova", "service-force-down", "--unset", id);
    assertThat(up.rc()).isNotZero();
    assertThat(up.err()).contains("Unable to force up host compute-1 as `done` evacuation migration records remain");
    sim.state().recoverHost("compute-1");
    List<Integer> codes = new ArrayList<>();
    assertThat(Poll.until(Duration.ofSeconds(30), () -> {
      try {
        int rc = cli("nova", "service-force-down", "--unset", id).rc();
        codes.add(rc);
        return rc == 0;
      } catch (IOException e) {
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    })).as("exit codes %s", codes).isTrue();
    assertThat(forcedDown("compute-1")).isFalse();
  }
}
