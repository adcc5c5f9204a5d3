package org.masakari.monitor.host.pacemaker;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.client.config.IniFile;
import org.masakari.client.keystone.FixedEndpoint;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.RetryPolicy;
import org.masakari.monitor.host.HostOptions;
import org.masakari.monitor.host.StopSignal;
import org.masakari.monitor.host.pacemaker.PacemakerDriver.CycleOutcome;

/** Upstream's pacemaker rules, cycle by cycle, with fake cluster tools on PATH (this host: cmp-01). */
class PacemakerDriverTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  private WireMockServer api;
  private MasakariNotifier notifier;
  private FakeClusterTools tools;
  private final StopSignal stop = new StopSignal();

  @BeforeEach
  void start() throws Exception {
    api = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
    api.start();
    api.stubFor(post("/v1/notifications").willReturn(aResponse().withStatus(202)));
    notifier = new MasakariNotifier(new FixedEndpoint(URI.create(api.baseUrl() + "/v1")),
        java.net.http.HttpClient.newHttpClient(), new RetryPolicy(0, Duration.ZERO), Duration.ofSeconds(30));
    tools = new FakeClusterTools(dir);
  }

  @AfterEach
  void stop() {
    notifier.close();
    api.stop();
  }

  private PacemakerDriver driver(String... hostOptions) {
    List<String> lines = new ArrayList<>(List.of("[host]", "pacemaker_node_type = cluster",
        "corosync_multicast_interfaces = eth0", "corosync_multicast_ports = 5405", "ipmi_retry_max = 1",
        "ipmi_retry_interval = 0", "stonith_wait = 0.01", "ipmi_timeout = 5"));
    lines.addAll(List.of(hostOptions));
    HostOptions o = HostOptions.from(IniFile.parse(Path.of("t.conf"), lines).section("host"));
    return new PacemakerDriver("cmp-01", o, tools.commands(), notifier, Clock.systemUTC(), stop);
  }

  /** Waits for the async sends of the cycle, then returns "host:event/cluster/host_status" lines. */
  private List<String> sent(int expected) {
    await().atMost(Duration.ofSeconds(30)).until(() -> notifier.stats().delivered() >= expected);
    return api.findAll(postRequestedFor(urlEqualTo("/v1/notifications"))).stream().map(r -> {
      try {
        var n = JSON.readTree(r.getBodyAsString()).path("notification");
        var p = n.path("payload");
        return n.path("type").asText() + " " + n.path("hostname").asText() + ":" + p.path("event").asText() + "/"
            + p.path("cluster_status").asText() + "/" + p.path("host_status").asText();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  @Test
  void firstSightIsOnlyRememberedThenOfflinePeerIsReportedWithIpmiConfirmation() throws Exception {
    PacemakerDriver d = driver();
    tools.cib("online", "online", "1724230004");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.EVALUATED);
    tools.cib("online", "offline", "1724230004");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.EVALUATED);
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL");
    assertThat(tools.ipmitoolCalls()).containsExactly("-U admin -P secret -I lanplus -H 192.0.2.12 power status");
    d.runCycle(); // unchanged: nothing more
    tools.cib("online", "online", "1724230004");
    d.runCycle();
    assertThat(sent(2)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL",
        "COMPUTE_HOST cmp-02:STARTED/ONLINE/NORMAL");
  }

  @Test
  void powerNotConfirmedOffGivesUnknownAfterAllIpmiAttempts() throws Exception {
    tools.write("ipmitool.out", "Chassis Power is on\n");
    PacemakerDriver d = driver();
    tools.cib("online", "online", "online");
    d.runCycle();
    tools.cib("online", "offline", "online");
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/UNKNOWN");
    assertThat(tools.ipmitoolCalls()).hasSize(2); // 1 + ipmi_retry_max
  }

  @Test
  void ipmiPrimitiveOutsideAGroupIsNotRecognised() throws Exception {
    PacemakerDriver d = driver();
    tools.cib("online", "online", "online");
    d.runCycle();
    tools.cib("online", "online", "0"); // epoch style offline
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-03:STOPPED/OFFLINE/UNKNOWN");
    assertThat(tools.ipmitoolCalls()).isEmpty();
  }

  @Test
  void fencingAgentOtherThanExternalIpmiIsNotUnderstood() throws Exception {
    PacemakerDriver d = driver();
    tools.write("cib.xml", FakeClusterTools.fixture("cib-fence-ipmilan.xml").replace("@CMP02@", "online"));
    d.runCycle();
    tools.write("cib.xml", FakeClusterTools.fixture("cib-fence-ipmilan.xml").replace("@CMP02@", "offline"));
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/UNKNOWN");
    assertThat(tools.ipmitoolCalls()).isEmpty();
  }

  @Test
  void disabledIpmiCheckReportsNormalWithoutCallingIpmitool() throws Exception {
    PacemakerDriver d = driver("disable_ipmi_check = true");
    tools.cib("online", "online", "online");
    d.runCycle();
    tools.cib("online", "offline", "offline");
    d.runCycle();
    assertThat(sent(2)).containsExactlyInAnyOrder("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL",
        "COMPUTE_HOST cmp-03:STOPPED/OFFLINE/NORMAL");
    assertThat(tools.ipmitoolCalls()).isEmpty();
  }

  @Test
  void withoutQuorumNothingIsReportedAndHeldStatusStays() throws Exception {
    PacemakerDriver d = driver("disable_ipmi_check = true");
    tools.cib("online", "online", "online");
    d.runCycle();
    tools.cibWithoutQuorum("offline");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.NO_QUORUM);
    tools.cib("online", "offline", "online"); // quorum back: the change is still seen
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void selfIsNeverReported() throws Exception {
    PacemakerDriver d = driver("disable_ipmi_check = true");
    tools.cib("online", "online", "online");
    d.runCycle();
    tools.cib("offline", "online", "online");
    d.runCycle();
    tools.cib("online", "online", "offline");
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-03:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void monitoringSamplesNeedAgreeingSamplesAndFlappingIsUncertain() throws Exception {
    PacemakerDriver d = driver("disable_ipmi_check = true", "monitoring_samples = 2");
    tools.cib("online", "online", "online");
    d.runCycle();
    d.runCycle();
    tools.cib("online", "offline", "online");
    d.runCycle(); // samples online, offline: uncertain
    tools.cib("online", "online", "online");
    d.runCycle(); // offline, online: uncertain
    tools.cib("online", "offline", "online");
    d.runCycle();
    d.runCycle(); // offline, offline: reported
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void nodeStateWithoutCrmdCountsAsNeverSeen() throws Exception {
    PacemakerDriver d = driver("disable_ipmi_check = true");
    tools.fixtureAs("cib-missing-crmd.xml", "cib.xml");
    d.runCycle();
    d.runCycle();
    tools.cib("online", "offline", "online");
    d.runCycle(); // first real sighting of cmp-02: remembered only
    tools.cib("online", "offline", "offline");
    d.runCycle(); // cmp-03 changes; cmp-02 is still as first seen
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-03:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void unreadableStateSkipsTheCycle() throws Exception {
    PacemakerDriver d = driver();
    tools.fixtureAs("cib-no-node-state.xml", "cib.xml");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
    tools.write("cib.xml", "<cib have-quorum=\"yes\"><status/></cib>");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
    tools.write("cib.xml", "not xml");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
  }

  @Test
  void unstableLocalControllerSkipsTheCycle() throws Exception {
    tools.write("crmadmin.out", "Controller on cmp-01 in state S_TRANSITION_ENGINE: ok\n");
    PacemakerDriver d = driver();
    tools.cib("online", "online", "online");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.CONTROLLER_UNSTABLE);
  }

  @Test
  void heartbeatLineChecks() throws Exception {
    tools.cib("online", "online", "online");
    tools.write("tcpdump.rc", "1\n");
    // failed heartbeat: wait stonith_wait, then carry on with the same cycle
    assertThat(driver().runCycle()).isEqualTo(CycleOutcome.EVALUATED);
    // interfaces and ports must both be set with equal lengths
    assertThat(driver("corosync_multicast_ports = 5405,5406").runCycle())
        .isEqualTo(CycleOutcome.HEARTBEAT_UNCHECKABLE);
  }

  @Test
  void autodetectedRemoteNodeSkipsHeartbeatAndController() throws Exception {
    tools.write("active-units", "pacemaker_remote\n");
    tools.write("crmadmin.out", "garbage\n");
    tools.write("tcpdump.rc", "1\n");
    PacemakerDriver d = driver("pacemaker_node_type = autodetect", "disable_ipmi_check = true");
    tools.cib("online", "online", "online");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.EVALUATED);
    tools.write("active-units", "\n");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.HEARTBEAT_UNCHECKABLE);
  }

  @Test
  void crmMonPathReportsRemoteNodesOnly() throws Exception {
    PacemakerDriver d = driver("restrict_to_remotes = true", "disable_ipmi_check = true");
    tools.crmMon(true, true, true);
    d.runCycle();
    tools.crmMon(false, false, false);
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.NO_QUORUM);
    tools.crmMon(true, false, false); // the member node ctl-01 is ignored
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/NORMAL");
  }

  @Test
  void crmMonPathWithIpmiCheckReportsUnknown() throws Exception {
    PacemakerDriver d = driver("restrict_to_remotes = true");
    tools.crmMon(true, true, true);
    d.runCycle();
    tools.crmMon(true, true, false);
    d.runCycle();
    assertThat(sent(1)).containsExactly("COMPUTE_HOST cmp-02:STOPPED/OFFLINE/UNKNOWN");
  }

  @Test
  void crmMonWithoutNodesOrSummaryIsUnreadable() throws Exception {
    PacemakerDriver d = driver("restrict_to_remotes = true");
    tools.fixtureAs("crm_mon-no-nodes.xml", "crm_mon.xml");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
    tools.fixtureAs("crm_mon-no-summary.xml", "crm_mon.xml");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
    tools.fixtureAs("crm_mon-no-nodes-element.xml", "crm_mon.xml");
    assertThat(d.runCycle()).isEqualTo(CycleOutcome.STATE_UNREADABLE);
  }
}
