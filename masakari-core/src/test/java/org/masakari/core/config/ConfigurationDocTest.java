package org.masakari.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/configuration.md must state the defaults the code uses (STYLE: every option documented once). */
class ConfigurationDocTest {

  @Test
  void documentedDefaultsMatchTheCode() throws Exception {
    Path doc = Path.of("..", "docs", "configuration.md");
    Map<String, String> documented = new HashMap<>();
    for (String line : Files.readAllLines(doc)) {
      String[] cells = line.split("\\|");
      if (cells.length >= 5 && !cells[1].isBlank() && !cells[1].contains("---") && !cells[1].strip().equals("section")) {
        documented.put(cells[1].strip() + "/" + cells[2].strip(), cells[3].strip());
      }
    }
    MasakariConfig cfg = MasakariConfig.ofLines(List.of("[DEFAULT]", "nova_compute_host_check = false",
        "[keystone_authtoken]", "auth_url = http://ks/v3", "username = u", "password = p"));
    Map<String, String> code = new HashMap<>();
    code.put("DEFAULT/auth_strategy", cfg.api().authStrategy());
    code.put("DEFAULT/masakari_api_listen", cfg.api().listen());
    code.put("DEFAULT/masakari_api_listen_port", String.valueOf(cfg.api().port()));
    code.put("DEFAULT/osapi_max_limit", String.valueOf(cfg.api().maxLimit()));
    code.put("DEFAULT/duplicate_notification_detection_interval", String.valueOf(cfg.api().duplicateWindow().toSeconds()));
    code.put("oslo_middleware/max_request_body_size", String.valueOf(cfg.api().maxRequestBodySize()));
    code.put("oslo_middleware/enable_proxy_headers_parsing", String.valueOf(cfg.api().proxyHeaders()));
    code.put("oslo_policy/policy_file", cfg.policyFile().getFileName().toString());
    code.put("masakari_java/max_microversion", cfg.api().maxMicroversion());
    code.put("database/max_pool_size", String.valueOf(cfg.database().maxPoolSize()));
    code.put("DEFAULT/outbox_sweep_interval", String.valueOf(cfg.messaging().outboxSweep().toSeconds()));
    code.put("masakari_java/work_queue_name", cfg.messaging().queueName());
    code.put("DEFAULT/os_user_domain_name", cfg.nova().credentials().userDomainName());
    code.put("DEFAULT/os_project_domain_name", cfg.nova().credentials().projectDomainName());
    code.put("DEFAULT/nova_catalog_admin_info", "compute:nova:publicURL");
    code.put("DEFAULT/nova_api_insecure", String.valueOf(cfg.nova().credentials().insecure()));
    code.put("DEFAULT/nova_api_timeout", String.valueOf(cfg.nova().credentials().timeoutSeconds()));
    code.put("keystone_authtoken/token_cache_time", String.valueOf(cfg.keystone().cacheTime().toSeconds()));
    code.put("keystone_authtoken/token_cache_size", String.valueOf(cfg.keystone().cacheSize()));
    code.put("keystone_authtoken/insecure", String.valueOf(cfg.keystone().insecure()));
    code.put("keystone_authtoken/user_domain_name, project_domain_name", cfg.keystone().userDomainName());
    assertThat(cfg.nova().credentials().serviceType() + ":" + cfg.nova().credentials().serviceName()).isEqualTo("compute:nova");
    code.forEach((key, value) -> assertThat(documented).as("docs/configuration.md row for " + key)
        .containsEntry(key, value));
    // the host check defaults to on; the test config above turned it off explicitly
    assertThat(documented).containsEntry("DEFAULT/nova_compute_host_check", "true");
    assertThat(MasakariConfig.ofLines(List.of("[DEFAULT]", "auth_strategy = noauth2", "os_privileged_user_auth_url = x",
        "os_privileged_user_name = y")).nova().hostCheck()).isTrue();
  }
}
