package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The calls and answers of ../shared/reference/real-nova.md (Nova 26.2.2 Zed, fake driver),
 * replayed against the simulator: same status codes, same fault bodies, same state machines.
 */
class NovaContractTest {
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

  private String serverId(String name) {
    JsonArray servers = admin.get("/servers/detail?all_tenants=1&name=%5E" + name + "%24", "2.53").json().getJsonArray("servers");
    assertThat(servers).hasSize(1);
    return servers.getJsonObject(0).getString("id");
  }

  private String serviceId(String host) {
    return admin.get("/os-services?binary=nova-compute&host=" + host, "2.53").json()
        .getJsonArray("services").getJsonObject(0).getString("id");
  }

  private SimClient.Reply evacuate(String id, String version, String args) {
    return admin.nova("POST", "/servers/" + id + "/action", version, "{\"evacuate\": " + args + "}");
  }

  @Test
  void evacuateWhileSourceComputeIsUpIs400StillInUse() {
    String vm = serverId("ha-vm1");
    for (String version : List.of("2.29", "2.53", "2.68")) {
      SimClient.Reply r = evacuate(vm, version, "{}");
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.json()).isEqualTo(new JsonObject(
          "{\"badRequest\": {\"code\": 400, \"message\": \"Compute service of compute-1 is still in use.\"}}"));
    }
    assertThat(evacuate(vm, "2.68", "{\"host\": \"compute-2\"}").status()).isEqualTo(400);
  }

  @Test
  void evacuateRightAfterHostDeathIsStill400UntilForcedDown() {
    admin.control("POST", "/hosts/compute-1/fail", null);
    assertThat(evacuate(serverId("ha-vm1"), "2.68", "{}").status()).isEqualTo(400);
  }

  @Test
  void forceDownAt253AnswersTheServiceRecordAlreadyDown() {
    SimClient.Reply r = admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": true}");
    assertThat(r.status()).isEqualTo(200);
    JsonObject s = r.json().getJsonObject("service");
    assertThat(s.fieldNames()).containsExactlyInAnyOrder(
        "binary", "host", "id", "zone", "status", "state", "updated_at", "disabled_reason", "forced_down");
    assertThat(s.getString("binary")).isEqualTo("nova-compute");
    assertThat(s.getString("host")).isEqualTo("compute-1");
    assertThat(s.getString("zone")).isEqualTo("nova");
    assertThat(s.getString("status")).isEqualTo("enabled");
    assertThat(s.getString("state")).isEqualTo("down");
    assertThat(s.getValue("disabled_reason")).isNull();
    assertThat(s.getBoolean("forced_down")).isTrue();
    assertThat(s.getString("updated_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
  }

  @Test
  void legacyForceDownAt211AnswersHostBinaryForcedDown() {
    SimClient.Reply r = admin.nova("PUT", "/os-services/force-down", "2.11",
        "{\"host\": \"compute-1\", \"binary\": \"nova-compute\", \"forced_down\": true}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json()).isEqualTo(new JsonObject(
        "{\"service\": {\"host\": \"compute-1\", \"binary\": \"nova-compute\", \"forced_down\": true}}"));
  }

  @Test
  void disableWithReasonThenEnable() {
    String id = serviceId("compute-1");
    JsonObject s = admin.nova("PUT", "/os-services/" + id, "2.53",
        "{\"status\": \"disabled\", \"disabled_reason\": \"Masakari detected host failed.\"}").json().getJsonObject("service");
    assertThat(s.getString("status")).isEqualTo("disabled");
    assertThat(s.getString("disabled_reason")).isEqualTo("Masakari detected host failed.");
    SimClient.Reply bad = admin.nova("PUT", "/os-services/" + id, "2.53",
        "{\"status\": \"enabled\", \"disabled_reason\": \"x\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("badRequest").getString("message"))
        .isEqualTo("Specifying 'disabled_reason' with status 'enabled' is invalid.");
    s = admin.nova("PUT", "/os-services/" + id, "2.53", "{\"status\": \"enabled\"}").json().getJsonObject("service");
    assertThat(s.getString("status")).isEqualTo("enabled");
    assertThat(s.getValue("disabled_reason")).isNull();
    assertThat(admin.nova("PUT", "/os-services/" + id, "2.53", "{}").status()).isEqualTo(400);
    assertThat(admin.nova("PUT", "/os-services/not-a-uuid", "2.53", "{\"status\": \"enabled\"}").json()
        .getJsonObject("badRequest").getString("message")).isEqualTo("Invalid uuid not-a-uuid");
  }

  @Test
  void hostFailureEvacuationWalkThrough() {
    String vm1 = serverId("ha-vm1");
    String vm2 = serverId("ha-vm2");
    admin.control("POST", "/hosts/compute-1/fail", null);
    assertThat(admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": true}").status())
        .isEqualTo(200);

    SimClient.Reply r = evacuate(vm1, "2.68", "{}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.text()).isEmpty();
    JsonObject during = admin.get("/servers/" + vm1, "2.53").json().getJsonObject("server");
    assertThat(during.getString("OS-EXT-STS:task_state")).isEqualTo("rebuilding");
    assertThat(during.getString("status")).isEqualTo("REBUILD");

    assertThat(evacuate(vm2, "2.29", "{\"host\": \"compute-3\"}").status()).isEqualTo(200);

    JsonObject after1 = admin.awaitServer(vm1, s -> "ACTIVE".equals(s.getString("status")), Duration.ofSeconds(5));
    assertThat(after1.getString("OS-EXT-SRV-ATTR:host")).isIn("compute-2", "compute-3");
    assertThat(after1.getString("OS-EXT-STS:vm_state")).isEqualTo("active");
    assertThat(after1.getValue("OS-EXT-STS:task_state")).isNull();
    JsonObject after2 = admin.awaitServer(vm2, s -> "ACTIVE".equals(s.getString("status")), Duration.ofSeconds(5));
    assertThat(after2.getString("OS-EXT-SRV-ATTR:host")).isEqualTo("compute-3");

    // evacuating again while the new host is up: 400 again
    assertThat(evacuate(vm1, "2.68", "{}").status()).isEqualTo(400);

    JsonObject migration = admin.get("/os-migrations?instance_uuid=" + vm1, "2.59").json()
        .getJsonArray("migrations").getJsonObject(0);
    assertThat(migration.getString("migration_type")).isEqualTo("evacuation");
    assertThat(migration.getString("status")).isEqualTo("done");
    assertThat(migration.getString("source_compute")).isEqualTo("compute-1");

    JsonArray actions = admin.get("/servers/" + vm1 + "/os-instance-actions", "2.84").json().getJsonArray("instanceActions");
    assertThat(actions.getJsonObject(0).getString("action")).isEqualTo("evacuate");
    String req = actions.getJsonObject(0).getString("request_id");
    JsonArray events = admin.get("/servers/" + vm1 + "/os-instance-actions/" + req, "2.84").json()
        .getJsonObject("instanceAction").getJsonArray("events");
    assertThat(events.stream().map(e -> ((JsonObject) e).getString("event")))
        .contains("conductor_rebuild_server", "compute_rebuild_instance");

    // un-force-down refused while `done` evacuations remain, accepted once the restarted host cleaned up
    SimClient.Reply up = admin.nova("PUT", "/os-services/force-down", "2.11",
        "{\"host\": \"compute-1\", \"binary\": \"nova-compute\", \"forced_down\": false}");
    assertThat(up.status()).isEqualTo(400);
    assertThat(up.json().getJsonObject("badRequest").getString("message")).isEqualTo(
        "Unable to force up host compute-1 as `done` evacuation migration records remain associated with the host. "
            + "Ensure the compute service has been restarted, allowing these records to move to `completed` before "
            + "retrying this request.");
    admin.control("POST", "/hosts/compute-1/recover", null);
    assertThat(admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": false}").status())
        .isEqualTo(400);
    String compute1 = serviceId("compute-1");
    assertThat(Poll.until(Duration.ofSeconds(5), () -> admin.nova("PUT", "/os-services/" + compute1, "2.53",
        "{\"forced_down\": false}").status() == 200)).isTrue();
    assertThat(admin.get("/os-migrations?instance_uuid=" + vm1, "2.59").json().getJsonArray("migrations")
        .getJsonObject(0).getString("status")).isEqualTo("completed");
    // the guest left behind on the failed host was found stopped when its compute came back
    assertThat(admin.get("/servers/" + serverId("plain-vm"), "2.53").json().getJsonObject("server")
        .getString("status")).isEqualTo("SHUTOFF");
  }

  @Test
  void secondEvacuateBeforeTheClaimWedgesTheServerAsZedDid() {
    // a long rebuild gives a wide claim window (a quarter of it) for the second POST
    admin.control("PUT", "/settings", "{\"rebuild_delay\": \"8s\"}");
    admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": true}");
    String vm = serverId("ha-vm1");
    assertThat(evacuate(vm, "2.68", "{}").status()).isEqualTo(200);
    assertThat(evacuate(vm, "2.68", "{}").status()).isEqualTo(200);
    JsonObject s = admin.get("/servers/" + vm, "2.53").json().getJsonObject("server");
    assertThat(s.getString("status")).isEqualTo("REBUILD");
    assertThat(s.getString("OS-EXT-STS:vm_state")).isEqualTo("error");
    assertThat(s.getString("OS-EXT-STS:task_state")).isEqualTo("rebuild_block_device_mapping");
    JsonArray migrations = admin.get("/os-migrations?instance_uuid=" + vm, "2.59").json().getJsonArray("migrations");
    assertThat(migrations.stream().map(m -> ((JsonObject) m).getString("status")))
        .containsExactlyInAnyOrder("accepted", "failed");
    // only an admin's reset-state gets it out
    admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-resetState\": {\"state\": \"active\"}}");
    assertThat(admin.get("/servers/" + vm, "2.53").json().getJsonObject("server").getString("status")).isEqualTo("ACTIVE");
  }

  @Test
  void secondEvacuateAfterTheClaimFindsTheNewHostUp() {
    admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": true}");
    String vm = serverId("ha-vm1");
    assertThat(evacuate(vm, "2.68", "{}").status()).isEqualTo(200);
    assertThat(Poll.until(Duration.ofSeconds(3), () -> !"compute-1".equals(admin.get("/servers/" + vm, "2.53").json()
        .getJsonObject("server").getString("OS-EXT-SRV-ATTR:host")))).isTrue();
    SimClient.Reply again = evacuate(vm, "2.68", "{}");
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().getJsonObject("badRequest").getString("message")).endsWith("is still in use.");
    assertThat(admin.awaitServer(vm, x -> "ACTIVE".equals(x.getString("status")), Duration.ofSeconds(3))
        .getString("OS-EXT-STS:vm_state")).isEqualTo("active");
  }

  @Test
  void servicesReportDownAfterServiceDownTimeWithoutHeartbeat() {
    admin.control("PUT", "/settings", "{\"service_down_time\": \"1500ms\"}");
    admin.control("POST", "/hosts/compute-1/fail", null);
    JsonObject s = admin.get("/os-services?binary=nova-compute&host=compute-1", "2.53").json()
        .getJsonArray("services").getJsonObject(0);
    assertThat(s.getString("state")).isEqualTo("up");
    assertThat(Poll.until(Duration.ofSeconds(6), () -> "down".equals(admin.get(
        "/os-services?binary=nova-compute&host=compute-1", "2.53").json().getJsonArray("services").getJsonObject(0)
        .getString("state")))).isTrue();
    s = admin.get("/os-services?binary=nova-compute&host=compute-1", "2.53").json().getJsonArray("services")
        .getJsonObject(0);
    assertThat(s.getBoolean("forced_down")).isFalse();
    // down without force: evacuation is allowed now
    assertThat(evacuate(serverId("ha-vm1"), "2.53", "{}").status()).isEqualTo(200);
    JsonObject server = admin.get("/servers/" + serverId("plain-vm"), "2.16").json().getJsonObject("server");
    assertThat(server.getString("host_status")).isEqualTo("UNKNOWN");
  }

  @Test
  void evacuateBodyRulesPerMicroversion() {
    admin.nova("PUT", "/os-services/" + serviceId("compute-1"), "2.53", "{\"forced_down\": true}");
    String vm = serverId("ha-vm1");
    SimClient.Reply openstack4j = evacuate(vm, "2.53", "{\"host\": \"compute-2\", \"onSharedStorage\": false}");
    assertThat(openstack4j.status()).isEqualTo(400);
    assertThat(openstack4j.json().getJsonObject("badRequest").getString("message")).isEqualTo(
        "Invalid input for field/attribute evacuate. Value: {'host': 'compute-2', 'onSharedStorage': False}. "
            + "Additional properties are not allowed ('onSharedStorage' was unexpected)");
    assertThat(evacuate(vm, "2.68", "{\"force\": true, \"host\": \"compute-2\"}").status()).isEqualTo(400);
    assertThat(evacuate(vm, "2.29", "{\"force\": true}").json().getJsonObject("badRequest").getString("message"))
        .isEqualTo("Can't force to a non-provided destination");
    assertThat(evacuate(vm, "2.1", "{\"host\": \"compute-2\"}").status()).isEqualTo(400);
    assertThat(evacuate(vm, "2.53", "{\"host\": \"compute-1\"}").json().getJsonObject("badRequest").getString("message"))
        .isEqualTo("The target host can't be the same one.");
    assertThat(evacuate(vm, "2.53", "{\"host\": \"nowhere\"}").status()).isEqualTo(404);
    SimClient.Reply old = evacuate(vm, "2.1", "{\"host\": \"compute-2\", \"onSharedStorage\": false}");
    assertThat(old.status()).isEqualTo(200);
    assertThat(old.json().getString("adminPass")).isNotEmpty();
  }

  @Test
  void evacuateWithNoValidHostPutsTheServerInError() {
    for (String h : List.of("compute-1", "compute-2", "compute-3")) {
      admin.nova("PUT", "/os-services/" + serviceId(h), "2.53", "{\"forced_down\": true}");
    }
    String vm = serverId("ha-vm1");
    assertThat(evacuate(vm, "2.53", "{}").status()).isEqualTo(200);
    JsonObject s = admin.awaitServer(vm, x -> "ERROR".equals(x.getString("status")), Duration.ofSeconds(3));
    assertThat(s.getValue("OS-EXT-STS:task_state")).isNull();
    assertThat(s.getJsonObject("fault").getString("message")).startsWith("No valid host was found.");
  }

  @Test
  void stopAndStartMoveThroughPoweringStates() {
    String vm = serverId("ha-vm1");
    SimClient.Reply stop = admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-stop\": null}");
    assertThat(stop.status()).isEqualTo(202);
    assertThat(stop.text()).isEmpty();
    assertThat(admin.get("/servers/" + vm, "2.53").json().getJsonObject("server").getString("OS-EXT-STS:task_state"))
        .isEqualTo("powering-off");
    JsonObject off = admin.awaitServer(vm, s -> "SHUTOFF".equals(s.getString("status")), Duration.ofSeconds(3));
    assertThat(off.getInteger("OS-EXT-STS:power_state")).isEqualTo(4);
    SimClient.Reply again = admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-stop\": null}");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getJsonObject("conflictingRequest").getString("message"))
        .isEqualTo("Cannot 'stop' instance " + vm + " while it is in vm_state stopped");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-start\": null}").status()).isEqualTo(202);
    assertThat(admin.get("/servers/" + vm, "2.53").json().getJsonObject("server").getString("OS-EXT-STS:task_state"))
        .isEqualTo("powering-on");
    JsonObject on = admin.awaitServer(vm, s -> "ACTIVE".equals(s.getString("status")), Duration.ofSeconds(3));
    assertThat(on.getInteger("OS-EXT-STS:power_state")).isEqualTo(1);
  }

  @Test
  void resetStateLockAndUnlock() {
    String vm = serverId("ha-vm1");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-resetState\": {\"state\": \"error\"}}")
        .status()).isEqualTo(202);
    assertThat(admin.get("/servers/" + vm, "2.53").json().getJsonObject("server").getString("status")).isEqualTo("ERROR");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-resetState\": {\"state\": \"active\"}}")
        .status()).isEqualTo(202);
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.1", "{\"os-resetState\": {\"state\": \"foo\"}}")
        .json().getJsonObject("badRequest").getString("message"))
        .isEqualTo("Invalid input for field/attribute state. Value: foo. 'foo' is not one of ['active', 'error']");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.73", "{\"lock\": {\"locked_reason\": \"masakari\"}}")
        .status()).isEqualTo(202);
    JsonObject locked = admin.get("/servers/" + vm, "2.73").json().getJsonObject("server");
    assertThat(locked.getBoolean("locked")).isTrue();
    assertThat(locked.getString("locked_reason")).isEqualTo("masakari");
    // admin bypasses the lock, as on real Nova
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.73", "{\"os-stop\": null}").status()).isEqualTo(202);
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.73", "{\"unlock\": null}").status()).isEqualTo(202);
    assertThat(admin.get("/servers/" + vm, "2.9").json().getJsonObject("server").getBoolean("locked")).isFalse();
  }

  @Test
  void lockedServerRefusesNonAdminActions() {
    SimClient demo = new SimClient(sim, "demo", "demo");
    String vm = demo.get("/servers", "2.53").json().getJsonArray("servers").getJsonObject(0).getString("id");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"lock\": null}").status()).isEqualTo(202);
    SimClient.Reply r = demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"os-stop\": null}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.json()).isEqualTo(new JsonObject(
        "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Instance " + vm + " is locked\"}}"));
    assertThat(demo.nova("PUT", "/servers/" + vm + "/metadata/k", "2.53", "{\"meta\": {\"k\": \"v\"}}").status())
        .isEqualTo(409);
    SimClient.Reply unlock = demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"unlock\": null}");
    assertThat(unlock.status()).isEqualTo(403);
    assertThat(unlock.json().getJsonObject("forbidden").getString("message"))
        .isEqualTo("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
    // the owner's own lock is the owner's to lift
    admin.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"unlock\": null}");
    assertThat(demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"lock\": null}").status()).isEqualTo(202);
    assertThat(demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"unlock\": null}").status()).isEqualTo(202);
  }

  @Test
  void nonAdminIsRefusedAdminApis() {
    SimClient demo = new SimClient(sim, "demo", "demo");
    SimClient.Reply r = demo.get("/os-services", "2.53");
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json()).isEqualTo(new JsonObject("{\"forbidden\": {\"code\": 403, \"message\": "
        + "\"Policy doesn't allow os_compute_api:os-services:list to be performed.\"}}"));
    assertThat(demo.get("/os-hypervisors", "2.53").status()).isEqualTo(403);
    assertThat(demo.get("/os-aggregates", "2.53").status()).isEqualTo(403);
    String vm = serverId("ha-vm1");
    assertThat(demo.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"evacuate\": {}}").status()).isEqualTo(403);
    // another project's server does not exist for demo
    SimClient.Reply missing = demo.get("/servers/" + vm, "2.53");
    assertThat(missing.json()).isEqualTo(new JsonObject(
        "{\"itemNotFound\": {\"code\": 404, \"message\": \"Instance " + vm + " could not be found.\"}}"));
  }

  @Test
  void serverViewCarriesTheFieldsAnHaEngineReads() {
    JsonObject s = admin.get("/servers/" + serverId("ha-vm1"), "2.53").json().getJsonObject("server");
    assertThat(s.getString("OS-EXT-SRV-ATTR:host")).isEqualTo("compute-1");
    assertThat(s.getString("OS-EXT-SRV-ATTR:hypervisor_hostname")).isEqualTo("compute-1");
    assertThat(s.getString("OS-EXT-STS:vm_state")).isEqualTo("active");
    assertThat(s.getInteger("OS-EXT-STS:power_state")).isEqualTo(1);
    assertThat(s.containsKey("OS-EXT-STS:task_state")).isTrue();
    assertThat(s.getBoolean("locked")).isFalse();
    assertThat(s.getJsonObject("metadata").getString("HA_Enabled")).isEqualTo("True");
    assertThat(s.getJsonObject("flavor").getString("original_name")).isEqualTo("m1.tiny");
    assertThat(s.getString("hostId")).hasSize(56);
    assertThat(admin.get("/servers/" + serverId("ha-vm1"), "2.1").json().getJsonObject("server")
        .containsKey("locked")).isFalse();
  }

  @Test
  void serverDetailFiltersAndProjectScope() {
    JsonArray onHost = admin.get("/servers/detail?all_tenants=True&host=compute-1", "2.53").json().getJsonArray("servers");
    assertThat(onHost).hasSize(3);
    assertThat(admin.get("/servers/detail?all_tenants=True", "2.53").json().getJsonArray("servers")).hasSize(4);
    // without all_tenants an admin sees its own project only, as in Nova
    assertThat(admin.get("/servers/detail", "2.53").json().getJsonArray("servers")).hasSize(3);
    SimClient demo = new SimClient(sim, "demo", "demo");
    assertThat(demo.get("/servers/detail", "2.53").json().getJsonArray("servers")).hasSize(1);
    // the host filter is admin-only and silently dropped for others; all_tenants is refused
    assertThat(demo.get("/servers/detail?host=compute-1", "2.53").json().getJsonArray("servers")).hasSize(1);
    assertThat(demo.get("/servers/detail?all_tenants=True", "2.53").json().getJsonObject("forbidden").getString("message"))
        .isEqualTo("Policy doesn't allow os_compute_api:servers:detail:get_all_tenants to be performed.");
  }

  @Test
  void changesSinceListsOnlyServersUpdatedSinceAndEveryAnswerHasADate() throws Exception {
    SimClient.Reply all = admin.get("/servers/detail?all_tenants=True", "2.53");
    java.time.Instant date = java.time.ZonedDateTime.parse(all.header("Date"),
        java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    assertThat(date).isBetween(java.time.Instant.now().minusSeconds(5), java.time.Instant.now().plusSeconds(1));
    // Date has whole seconds: ask for changes after the next second begins, then change one server
    Thread.sleep(1100);
    String since = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    assertThat(admin.get("/servers/detail?all_tenants=True&changes-since=" + since, "2.53").json()
        .getJsonArray("servers")).isEmpty();
    String vm = serverId("plain-vm");
    assertThat(admin.nova("POST", "/servers/" + vm + "/action", "2.53", "{\"os-stop\": null}").status()).isEqualTo(202);
    JsonArray changed = admin.get("/servers/detail?all_tenants=True&changes-since=" + since, "2.53").json()
        .getJsonArray("servers");
    assertThat(changed).hasSize(1);
    assertThat(changed.getJsonObject(0).getString("id")).isEqualTo(vm);
    SimClient.Reply bad = admin.get("/servers/detail?all_tenants=True&changes-since=yesterday", "2.53");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("badRequest").getString("message")).contains("changes-since");
  }

  @Test
  void listsPaginateWithLimitAndMarker() {
    SimClient.Reply first = admin.get("/servers/detail?all_tenants=True&limit=3", "2.53");
    JsonArray page1 = first.json().getJsonArray("servers");
    assertThat(page1).hasSize(3);
    String next = first.json().getJsonArray("servers_links").getJsonObject(0).getString("href");
    String last = page1.getJsonObject(2).getString("id");
    assertThat(next).endsWith("/v2.1/servers/detail?all_tenants=True&limit=3&marker=" + last);
    JsonObject second = admin.get("/servers/detail?all_tenants=True&limit=3&marker=" + last, "2.53").json();
    assertThat(second.getJsonArray("servers")).hasSize(1);
    assertThat(second.containsKey("servers_links")).isFalse();
    SimClient.Reply bad = admin.get("/servers/detail?marker=nope", "2.53");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonObject("badRequest").getString("message")).isEqualTo("marker [nope] not found");
    assertThat(admin.get("/servers/detail?limit=-1", "2.53").json().getJsonObject("badRequest").getString("message"))
        .isEqualTo("Invalid input for query parameters limit. Value: -1. '-1' does not match '^[0-9]*$'");
  }

  @Test
  void metadataGetSetMergeReplaceDelete() {
    String vm = serverId("plain-vm");
    String base = "/servers/" + vm + "/metadata";
    assertThat(admin.get(base, "2.53").json()).isEqualTo(new JsonObject("{\"metadata\": {}}"));
    SimClient.Reply one = admin.nova("PUT", base + "/HA_Enabled", "2.53", "{\"meta\": {\"HA_Enabled\": \"True\"}}");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).isEqualTo(new JsonObject("{\"meta\": {\"HA_Enabled\": \"True\"}}"));
    assertThat(admin.nova("PUT", base + "/a", "2.53", "{\"meta\": {\"b\": \"1\"}}").json().getJsonObject("badRequest")
        .getString("message")).isEqualTo("Request body and URI mismatch");
    JsonObject merged = admin.nova("POST", base, "2.53", "{\"metadata\": {\"x\": \"1\"}}").json();
    assertThat(merged).isEqualTo(new JsonObject("{\"metadata\": {\"HA_Enabled\": \"True\", \"x\": \"1\"}}"));
    JsonObject replaced = admin.nova("PUT", base, "2.53", "{\"metadata\": {\"y\": \"2\"}}").json();
    assertThat(replaced).isEqualTo(new JsonObject("{\"metadata\": {\"y\": \"2\"}}"));
    assertThat(admin.get(base + "/y", "2.53").json()).isEqualTo(new JsonObject("{\"meta\": {\"y\": \"2\"}}"));
    assertThat(admin.nova("DELETE", base + "/y", "2.53", null).status()).isEqualTo(204);
    assertThat(admin.get(base + "/y", "2.53").status()).isEqualTo(404);
  }

  @Test
  void aggregatesAndHypervisors() {
    SimClient.Reply created = admin.nova("POST", "/os-aggregates", "2.53", "{\"aggregate\": {\"name\": \"ha-seg1\"}}");
    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().getJsonObject("aggregate").fieldNames()).doesNotContain("hosts", "metadata");
    int id = created.json().getJsonObject("aggregate").getInteger("id");
    SimClient.Reply added = admin.nova("POST", "/os-aggregates/" + id + "/action", "2.53",
        "{\"add_host\": {\"host\": \"compute-2\"}}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json().getJsonObject("aggregate").getJsonArray("hosts")).containsExactly("compute-2");
    assertThat(admin.nova("POST", "/os-aggregates/" + id + "/action", "2.53",
        "{\"add_host\": {\"host\": \"compute-2\"}}").status()).isEqualTo(409);
    assertThat(admin.get("/os-aggregates", "2.53").json().getJsonArray("aggregates")).hasSize(1);

    JsonArray hv = admin.get("/os-hypervisors", "2.53").json().getJsonArray("hypervisors");
    assertThat(hv).hasSize(3);
    assertThat(hv.getJsonObject(0).fieldNames()).containsExactlyInAnyOrder("hypervisor_hostname", "id", "state", "status");
    JsonArray found = admin.get("/os-hypervisors?hypervisor_hostname_pattern=compute-2", "2.53").json()
        .getJsonArray("hypervisors");
    assertThat(found).hasSize(1);
    assertThat(admin.get("/os-hypervisors/compute-3/search", "2.1").json().getJsonArray("hypervisors")).hasSize(1);
    assertThat(admin.get("/os-hypervisors/compute-3/search", "2.53").status()).isEqualTo(404);
    SimClient.Reply none = admin.get("/os-hypervisors?hypervisor_hostname_pattern=zzz", "2.53");
    assertThat(none.json()).isEqualTo(new JsonObject(
        "{\"itemNotFound\": {\"code\": 404, \"message\": \"No hypervisor matching 'zzz' could be found.\"}}"));
    JsonObject detail = admin.get("/os-hypervisors/detail", "2.53").json().getJsonArray("hypervisors").getJsonObject(0);
    assertThat(detail.getInteger("running_vms")).isEqualTo(3);
  }

  @Test
  void microversionNegotiation() {
    SimClient.Reply r = admin.get("/servers", "2.53");
    assertThat(r.header("OpenStack-API-Version")).isEqualTo("compute 2.53");
    assertThat(r.header("X-OpenStack-Nova-API-Version")).isEqualTo("2.53");
    assertThat(admin.get("/servers", "latest").header("OpenStack-API-Version")).isEqualTo("compute 2.93");
    assertThat(admin.get("/servers", null).header("OpenStack-API-Version")).isEqualTo("compute 2.1");
    SimClient.Reply tooNew = admin.get("/servers", "2.999");
    assertThat(tooNew.status()).isEqualTo(406);
    assertThat(tooNew.json().getJsonObject("computeFault").getString("message"))
        .isEqualTo("Version 2.999 is not supported by the API. Minimum is 2.1 and maximum is 2.93.");
    assertThat(admin.get("/servers", "two").status()).isEqualTo(400);
    JsonObject v = admin.send("GET", sim.novaUrl() + "/", null, null, null).json().getJsonObject("version");
    assertThat(v.getString("version")).isEqualTo("2.93");
    assertThat(v.getString("min_version")).isEqualTo("2.1");
  }

  @Test
  void unauthenticatedCallsAre401() {
    SimClient.Reply r = admin.send("GET", sim.novaUrl() + "/servers", null, "2.53", null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.json().getJsonObject("error").getInteger("code")).isEqualTo(401);
    assertThat(r.header("WWW-Authenticate")).startsWith("Keystone uri=");
    assertThat(admin.send("GET", sim.novaUrl() + "/servers", "bogus", "2.53", null).status()).isEqualTo(401);
  }

  @Test
  void adminPlacesAServerOnAHostWithTheNovaZone() {
    SimClient.Reply r = admin.nova("POST", "/servers", "2.53", "{\"server\": {\"name\": \"new-vm\", "
        + "\"imageRef\": \"11111111-2222-3333-4444-555555555555\", \"flavorRef\": \"1\", "
        + "\"availability_zone\": \"nova:compute-3\", \"networks\": \"none\", \"metadata\": {\"HA_Enabled\": \"True\"}}}");
    assertThat(r.status()).isEqualTo(202);
    String id = r.json().getJsonObject("server").getString("id");
    JsonObject s = admin.awaitServer(id, x -> "ACTIVE".equals(x.getString("status")), Duration.ofSeconds(3));
    assertThat(s.getString("OS-EXT-SRV-ATTR:host")).isEqualTo("compute-3");
    assertThat(s.getJsonObject("metadata").getString("HA_Enabled")).isEqualTo("True");
    SimClient demo = new SimClient(sim, "demo", "demo");
    assertThat(demo.nova("POST", "/servers", "2.53", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\", "
        + "\"availability_zone\": \"nova:compute-3\", \"networks\": \"none\"}}").status()).isEqualTo(403);
    assertThat(admin.nova("POST", "/servers", "2.53", "{\"server\": {\"name\": \"x\", \"flavorRef\": \"1\"}}")
        .json().getJsonObject("badRequest").getString("message")).endsWith("'networks' is a required property");
    assertThat(admin.nova("DELETE", "/servers/" + id, "2.53", null).status()).isEqualTo(204);
    assertThat(admin.get("/servers/" + id, "2.53").status()).isEqualTo(404);
  }
}
