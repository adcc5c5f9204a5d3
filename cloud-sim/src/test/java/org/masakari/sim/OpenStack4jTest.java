package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openstack4j.api.OSClient.OSClientV3;
import org.openstack4j.api.types.ServiceType;
import org.openstack4j.core.transport.HttpMethod;
import org.openstack4j.core.transport.HttpRequest;
import org.openstack4j.core.transport.HttpResponse;
import org.openstack4j.core.transport.internal.HttpExecutor;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.Action;
import org.openstack4j.model.compute.Server;
import org.openstack4j.openstack.OSFactory;
import org.openstack4j.openstack.internal.OSClientSession;

/**
 * OpenStack4j 3.12 (okhttp connector) against the simulator: Keystone v3 auth and catalog, the
 * reads and actions it does right, and the raw 2.53 calls dependencies.md recommends where it
 * falls short (force-down, evacuate).
 */
class OpenStack4jTest {
  private RunningSim sim;
  private OSClientV3 os;

  @BeforeEach
  void start() {
    sim = TestClouds.start(TestClouds.THREE_HOSTS);
    os = OSFactory.builderV3()
        .endpoint(sim.keystoneUrl())
        .credentials("admin", "admin", Identifier.byName("Default"))
        .scopeToProject(Identifier.byName("admin"), Identifier.byName("Default"))
        .authenticate();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  @Test
  void authenticatesAndFindsComputeInTheCatalog() {
    assertThat(os.getToken().getId()).startsWith("gAAAAA");
    assertThat(((OSClientSession.OSClientSessionV3) os).getEndpoint(ServiceType.COMPUTE)).isEqualTo(sim.novaUrl());
  }

  @Test
  void readsServersOnAHostWithTheirHaMetadata() {
    List<? extends Server> servers = os.compute().servers().list(Map.of("all_tenants", "True", "host", "compute-1"));
    assertThat(servers).hasSize(3);
    Server vm = servers.stream().filter(s -> s.getName().equals("ha-vm1")).findFirst().orElseThrow();
    assertThat(vm.getHost()).isEqualTo("compute-1");
    assertThat(vm.getHypervisorHostname()).isEqualTo("compute-1");
    assertThat(vm.getStatus()).isEqualTo(Server.Status.ACTIVE);
    assertThat(vm.getVmState()).isEqualTo("active");
    assertThat(vm.getMetadata()).containsEntry("HA_Enabled", "True");
    assertThat(os.compute().servers().get(vm.getId()).getName()).isEqualTo("ha-vm1");
    assertThat(os.compute().servers().getMetadata(vm.getId())).containsEntry("HA_Enabled", "True");
  }

  @Test
  void listsServicesAggregatesHypervisors() {
    var services = os.compute().services().list(Map.of("host", "compute-1", "binary", "nova-compute"));
    assertThat(services).hasSize(1);
    assertThat(services.get(0).getHost()).isEqualTo("compute-1");
    assertThat(services.get(0).getState().name()).isEqualToIgnoringCase("up");
    var agg = os.compute().hostAggregates().create("ha-seg1", "nova");
    assertThat(os.compute().hostAggregates().addHost(agg.getId(), "compute-2").getHosts()).containsExactly("compute-2");
    assertThat(os.compute().hostAggregates().list()).hasSize(1);
    assertThat(os.compute().hypervisors().list()).hasSize(3);
  }

  @Test
  void actionsItSendsCorrectly() {
    String id = serverId("ha-vm1");
    assertThat(os.compute().servers().action(id, Action.LOCK).isSuccess()).isTrue();
    assertThat(os.compute().servers().action(id, Action.STOP).isSuccess()).isTrue();
    awaitStatus(id, Server.Status.SHUTOFF);
    assertThat(os.compute().servers().action(id, Action.START).isSuccess()).isTrue();
    awaitStatus(id, Server.Status.ACTIVE);
    assertThat(os.compute().servers().action(id, Action.UNLOCK).isSuccess()).isTrue();
    assertThat(os.compute().servers().resetState(id, Server.Status.ERROR).isSuccess()).isTrue();
    assertThat(os.compute().servers().get(id).getStatus()).isEqualTo(Server.Status.ERROR);
    assertThat(os.compute().servers().instanceActions().list(id)).extracting(a -> a.getAction())
        .contains("lock", "stop", "start", "unlock");
  }

  @Test
  void rawMicroversion253CallsForceDownAndEvacuate() throws IOException {
    String serviceId = raw(HttpMethod.GET, "/os-services?binary=nova-compute&host=compute-1", null).body
        .replaceAll("(?s).*\"id\":\"([0-9a-f-]{36})\".*", "$1");
    Raw down = raw(HttpMethod.PUT, "/os-services/" + serviceId, "{\"forced_down\": true}");
    assertThat(down.status).isEqualTo(200);
    assertThat(down.body).contains("\"forced_down\":true").contains("\"state\":\"down\"");
    String id = serverId("ha-vm1");
    Raw evacuate = raw(HttpMethod.POST, "/servers/" + id + "/action", "{\"evacuate\": {\"host\": \"compute-3\"}}");
    assertThat(evacuate.status).isEqualTo(200);
    assertThat(evacuate.body).isEmpty();
    awaitStatus(id, Server.Status.ACTIVE);
    assertThat(os.compute().servers().get(id).getHost()).isEqualTo("compute-3");
  }

  private record Raw(int status, String body) {}

  /** dependencies.md §2 mechanism (b): OpenStack4j's own executor, the token and the catalog URL, 2.53 per call. */
  private Raw raw(HttpMethod method, String path, String json) throws IOException {
    String endpoint = ((OSClientSession.OSClientSessionV3) os).getEndpoint(ServiceType.COMPUTE);
    HttpRequest.RequestBuilder<Void> b = HttpRequest.builder(Void.class).endpoint(endpoint).path(path).method(method)
        .header("X-Auth-Token", os.getToken().getId()).header("OpenStack-API-Version", "compute 2.53");
    if (json != null) {
      b.json(json);
    }
    HttpResponse r = HttpExecutor.create().execute(b.build());
    try (InputStream in = r.getInputStream()) {
      return new Raw(r.getStatus(), in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private String serverId(String name) {
    return os.compute().servers().list(Map.of("all_tenants", "True", "name", name)).get(0).getId();
  }

  private void awaitStatus(String id, Server.Status status) {
    Poll.until(Duration.ofSeconds(5), () -> os.compute().servers().get(id).getStatus() == status);
    assertThat(os.compute().servers().get(id).getStatus()).isEqualTo(status);
  }
}
