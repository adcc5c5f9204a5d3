package org.masakari.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code masakari aio} started again on the same data directory: the database keeps the segment, the
 * simulated cloud is new, so the seeder must reuse the segment and take its hosts out of maintenance.
 */
class DemoRestartTest {

  @Test
  void secondStartReusesTheSegmentAndResetsMaintenanceAndReserved(@TempDir Path dir) throws Exception {
    String segment;
    try (DemoCloud first = FastDemo.start(dir, "auto")) {
      segment = first.segmentUuid();
      MasakariApiClient api = first.adminClient();
      JsonNode host = FastDemo.host(api, segment, "compute-1");
      assertThat(api.put("/segments/" + segment + "/hosts/" + host.path("uuid").asText(),
          "{\"host\": {\"on_maintenance\": true}}").status()).isEqualTo(200);
      JsonNode reserved = FastDemo.host(api, segment, DemoScenario.RESERVED_HOST);
      assertThat(api.put("/segments/" + segment + "/hosts/" + reserved.path("uuid").asText(),
          "{\"host\": {\"reserved\": false}}").status()).isEqualTo(200);
    }
    try (DemoCloud second = FastDemo.start(dir, "reserved_host")) {
      MasakariApiClient api = second.adminClient();
      assertThat(second.segmentUuid()).isEqualTo(segment);
      assertThat(api.get("/segments").body().path("segments")).hasSize(1);
      assertThat(api.get("/segments/" + segment).body().path("segment").path("recovery_method").asText())
          .isEqualTo("reserved_host");
      assertThat(api.get("/segments/" + segment + "/hosts").body().path("hosts")).hasSize(4);
      assertThat(FastDemo.host(api, segment, "compute-1").path("on_maintenance").asBoolean()).isFalse();
      assertThat(FastDemo.host(api, segment, DemoScenario.RESERVED_HOST).path("reserved").asBoolean()).isTrue();
    }
  }
}
