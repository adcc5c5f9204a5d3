package org.masakari.client.notifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bodies of the contract's catalogue (monitors-contract.md §1.7), byte for byte. */
class NotificationJsonTest {
  private static final LocalDateTime T = LocalDateTime.of(2026, 8, 21, 10, 15, 30, 123_456_000);

  @Test
  void hostStoppedBody() {
    assertThat(NotificationJson.body(Notification.hostStopped("compute-02", T, HostStatus.NORMAL)))
        .isEqualTo("{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"compute-02\","
            + "\"generated_time\":\"2026-08-21T10:15:30.123456\",\"payload\":{\"event\":\"STOPPED\","
            + "\"cluster_status\":\"OFFLINE\",\"host_status\":\"NORMAL\"}}}");
  }

  @Test
  void hostStoppedUnconfirmedAndHostStartedPayloads() {
    assertThat(Notification.hostStopped("c", T, HostStatus.UNKNOWN).payload())
        .containsExactly(java.util.Map.entry("event", "STOPPED"),
            java.util.Map.entry("cluster_status", "OFFLINE"), java.util.Map.entry("host_status", "UNKNOWN"));
    assertThat(Notification.hostStarted("c", T).payload())
        .containsExactly(java.util.Map.entry("event", "STARTED"),
            java.util.Map.entry("cluster_status", "ONLINE"), java.util.Map.entry("host_status", "NORMAL"));
  }

  @Test
  void vmBody() {
    UUID u = UUID.fromString("8c1f5e0a-7d4b-4a55-9a51-2d3f7c0b9e11");
    assertThat(NotificationJson.body(Notification.vmEvent("compute-01", T, "LIFECYCLE", u, "STOPPED_FAILED")))
        .isEqualTo("{\"notification\":{\"type\":\"VM\",\"hostname\":\"compute-01\","
            + "\"generated_time\":\"2026-08-21T10:15:30.123456\",\"payload\":{\"event\":\"LIFECYCLE\","
            + "\"instance_uuid\":\"8c1f5e0a-7d4b-4a55-9a51-2d3f7c0b9e11\",\"vir_domain_event\":\"STOPPED_FAILED\"}}}");
  }

  @Test
  void processBodyCarriesTheBasenameOfTheConfiguredName() {
    assertThat(NotificationJson.body(Notification.processStopped("compute-01",
        LocalDateTime.of(2026, 8, 21, 10, 15, 31), "/usr/bin/nova-compute")))
        .isEqualTo("{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"compute-01\","
            + "\"generated_time\":\"2026-08-21T10:15:31\",\"payload\":{\"event\":\"STOPPED\","
            + "\"process_name\":\"nova-compute\"}}}");
    assertThat(Notification.processStopped("h", T, "/usr/bin/python3 /usr/bin/nova-compute")
        .payload().get("process_name")).isEqualTo("nova-compute");
    assertThat(Notification.processStopped("h", T, "libvirtd").payload().get("process_name"))
        .isEqualTo("libvirtd");
  }
}
