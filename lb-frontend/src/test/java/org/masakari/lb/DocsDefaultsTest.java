package org.masakari.lb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masakari.lb.config.AdminConfig;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.FrontendConfig;
import org.masakari.lb.config.HealthCheckConfig;
import org.masakari.lb.config.ServerConfig;
import org.masakari.lb.config.VrrpInstanceConfig;

/** The "default" column of docs/lb-frontend.md must say what the code does. */
class DocsDefaultsTest {
  @Test
  void documentedDefaultsEqualCodeDefaults() throws Exception {
    String docs = Files.readString(Path.of("../docs/lb-frontend.md"));
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("priority", String.valueOf(VrrpInstanceConfig.DEFAULT_PRIORITY));
    expected.put("advert_int", String.valueOf(VrrpInstanceConfig.DEFAULT_ADVERT_INT.toSeconds()));
    expected.put("version", String.valueOf(VrrpInstanceConfig.DEFAULT_VERSION.wireValue()));
    expected.put("garp_master_repeat", String.valueOf(VrrpInstanceConfig.DEFAULT_GARP_MASTER_REPEAT));
    expected.put("garp_master_delay", String.valueOf(VrrpInstanceConfig.DEFAULT_GARP_MASTER_DELAY.toSeconds()));
    expected.put("admin_socket_mode", "0" + Integer.toOctalString(AdminConfig.DEFAULT_SOCKET_MODE));
    expected.put("maxconn", String.valueOf(FrontendConfig.DEFAULT_MAXCONN));
    expected.put("timeout.client", FrontendConfig.DEFAULT_TIMEOUT_CLIENT.toSeconds() + "s");
    expected.put("cookie", BackendConfig.DEFAULT_COOKIE);
    expected.put("retries", String.valueOf(BackendConfig.DEFAULT_RETRIES));
    expected.put("timeout.connect", BackendConfig.DEFAULT_TIMEOUT_CONNECT.toSeconds() + "s");
    expected.put("timeout.server", BackendConfig.DEFAULT_TIMEOUT_SERVER.toSeconds() + "s");
    expected.put("timeout.silent", BackendConfig.DEFAULT_TIMEOUT_SILENT.toSeconds() + "s");
    expected.put("timeout.queue", BackendConfig.DEFAULT_TIMEOUT_QUEUE.toSeconds() + "s");
    expected.put("check.inter", String.valueOf(HealthCheckConfig.DEFAULT_INTER.toMillis()));
    expected.put("check.rise` / `check.fall", HealthCheckConfig.DEFAULT_RISE + " / " + HealthCheckConfig.DEFAULT_FALL);
    expected.put("check.observe_error_limit", String.valueOf(HealthCheckConfig.DEFAULT_OBSERVE_ERROR_LIMIT));
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertThat(docs).as(e.getKey()).contains("| `" + e.getKey() + "` | " + e.getValue() + " |");
    }
    assertThat(docs).contains("weight (" + ServerConfig.DEFAULT_WEIGHT + ", 0..256)");
  }
}
