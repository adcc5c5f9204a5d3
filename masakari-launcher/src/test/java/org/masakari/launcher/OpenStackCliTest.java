package org.masakari.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;

/**
 * The real Debian {@code openstack} CLI with the python-masakariclient plugin against our API on
 * loopback (noauth2, {@code --os-auth-type none --os-endpoint .../v1}), asserting on its JSON output.
 * Installs python3-openstackclient and python3-masakariclient if missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenStackCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private AllInOne aio;
  private String endpoint;

  @BeforeAll
  void start() throws Exception {
    SharedLabs.aptInstall("python3-openstackclient", "python3-masakariclient");
    int port = SharedLabs.freePort();
    MasakariConfig cfg = MasakariConfig.ofLines(List.of("[DEFAULT]", "auth_strategy = noauth2",
        "nova_compute_host_check = false"));
    aio = AllInOne.start(cfg, DatabaseUrl.h2Memory("cli" + port), "127.0.0.1", port, null);
    endpoint = "http://127.0.0.1:" + port + "/v1";
  }

  @AfterAll
  void stop() {
    if (aio != null) {
      aio.close();
    }
  }

  private String run(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("/usr/bin/openstack", "--os-auth-type", "none", "--os-endpoint", endpoint));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(false);
    pb.environment().remove("OS_CLOUD");
    pb.environment().put("HOME", System.getProperty("java.io.tmpdir"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    String err = new String(p.getErrorStream().readAllBytes());
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("openstack " + String.join(" ", args) + "\n" + out + err).isZero();
    return out;
  }

  private JsonNode json(String... args) throws Exception {
    String[] withFormat = new String[args.length + 2];
    System.arraycopy(args, 0, withFormat, 0, args.length);
    withFormat[args.length] = "-f";
    withFormat[args.length + 1] = "json";
    return JSON.readTree(run(withFormat));
  }

  @Test
  void segmentsHostsAndNotificationsThroughTheRealClient() throws Exception {
    JsonNode seg = json("segment", "create", "cli-seg", "auto", "COMPUTE", "--description", "from the CLI");
    assertThat(seg.path("name").asText()).isEqualTo("cli-seg");
    assertThat(seg.path("recovery_method").asText()).isEqualTo("auto");
    String segId = seg.path("uuid").asText();
    assertThat(json("segment", "list")).anySatisfy(s -> assertThat(s.path("uuid").asText()).isEqualTo(segId));
    assertThat(json("segment", "show", segId).path("description").asText()).isEqualTo("from the CLI");
    JsonNode updated = json("segment", "update", segId, "--recovery_method", "reserved_host", "--name", "cli-seg-2");
    assertThat(updated.path("recovery_method").asText()).isEqualTo("reserved_host");
    assertThat(json("segment", "show", segId).path("name").asText()).isEqualTo("cli-seg-2");

    JsonNode host = json("segment", "host", "create", "cli-compute-1", "COMPUTE", "SSH", segId, "--reserved", "True");
    assertThat(host.path("name").asText()).isEqualTo("cli-compute-1");
    String hostId = host.path("uuid").asText();
    assertThat(json("segment", "host", "list", segId)).hasSize(1);
    assertThat(json("segment", "host", "show", segId, hostId).path("reserved").asBoolean()).isTrue();
    assertThat(json("segment", "host", "update", segId, hostId, "--reserved", "False").path("reserved").asBoolean())
        .isFalse();

    String now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
    JsonNode n = json("notification", "create", "COMPUTE_HOST", "cli-compute-1", now,
        "{\"event\": \"STOPPED\", \"host_status\": \"UNKNOWN\", \"cluster_status\": \"OFFLINE\"}");
    String nid = n.path("notification_uuid").asText();
    assertThat(nid).hasSize(36);
    assertThat(json("notification", "list")).anySatisfy(x -> assertThat(x.path("notification_uuid").asText()).isEqualTo(nid));
    JsonNode shown = json("notification", "show", nid);
    assertThat(shown.path("source_host_uuid").asText()).isEqualTo(hostId);
    assertThat(shown.path("type").asText()).isEqualTo("COMPUTE_HOST");

    // the first segment is now "under recovery" (its host has a new notification): use another one
    JsonNode seg2 = json("segment", "create", "cli-seg-del", "auto", "COMPUTE");
    String seg2Id = seg2.path("uuid").asText();
    JsonNode host2 = json("segment", "host", "create", "cli-compute-2", "COMPUTE", "SSH", seg2Id);
    run("segment", "host", "delete", seg2Id, host2.path("uuid").asText());
    assertThat(json("segment", "host", "list", seg2Id)).isEmpty();
    run("segment", "delete", seg2Id);
    assertThat(json("segment", "list")).noneSatisfy(s -> assertThat(s.path("name").asText()).isEqualTo("cli-seg-del"));
  }

}
