package org.masakari.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.ConfigException;
import org.masakari.client.config.IniFile;

class MasakariConfigTest {

  @Test
  void upstreamHarnessConfigLoadsWithoutWarnings() throws Exception {
    Path file = Path.of(getClass().getResource("/upstream-masakari.conf").toURI());
    MasakariConfig cfg = MasakariConfig.load(file);
    assertThat(cfg.warnings()).isEmpty();
    assertThat(cfg.api().authStrategy()).isEqualTo("noauth2");
    assertThat(cfg.api().port()).isEqualTo(15868);
    assertThat(cfg.api().workers()).isEqualTo(8);
    assertThat(cfg.database().connection().orElseThrow().jdbcUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:3306/masakari_java");
    assertThat(cfg.database().connection().orElseThrow().user()).isEqualTo("root");
    assertThat(cfg.messaging().transportUrl().orElseThrow().addresses()).hasSize(1);
    assertThat(cfg.nova().credentials().authUrl()).isEqualTo("http://127.0.0.1:18774/identity/v3");
    assertThat(cfg.nova().credentials().interfaceName()).isEqualTo("public");
    assertThat(cfg.nova().hostCheck()).isTrue();
  }

  @Test
  void defaultsMatchUpstream() {
    MasakariConfig cfg = MasakariConfig.ofLines(List.of("[DEFAULT]", "nova_compute_host_check = false",
        "[keystone_authtoken]", "auth_url = http://ks/v3", "username = u", "password = p"));
    assertThat(cfg.api().authStrategy()).isEqualTo("keystone");
    assertThat(cfg.api().listen()).isEqualTo("0.0.0.0");
    assertThat(cfg.api().port()).isEqualTo(15868);
    assertThat(cfg.api().maxLimit()).isEqualTo(1000);
    assertThat(cfg.api().duplicateWindow()).isEqualTo(Duration.ofSeconds(180));
    assertThat(cfg.api().maxRequestBodySize()).isEqualTo(114688);
    assertThat(cfg.keystone().cacheTime()).isEqualTo(Duration.ofSeconds(300));
  }

  @Test
  void invalidValuesNameFileLineSectionAndOption() {
    Path f = Path.of("/etc/masakari/masakari.conf");
    assertThatThrownBy(() -> MasakariConfig.of(IniFile.parse(f, List.of("[DEFAULT]", "auth_strategy = ldap"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("/etc/masakari/masakari.conf:2 [DEFAULT] auth_strategy:");
    assertThatThrownBy(() -> MasakariConfig.of(IniFile.parse(f, List.of("[DEFAULT]", "nova_compute_host_check = no",
        "auth_strategy = noauth2", "[database]", "connection = sqlite:///x.db"))))
        .hasMessageStartingWith("/etc/masakari/masakari.conf:5 [database] connection: unsupported database 'sqlite'");
    assertThatThrownBy(() -> MasakariConfig.of(IniFile.parse(f, List.of("[DEFAULT]", "auth_strategy = noauth2"))))
        .hasMessageContaining("[DEFAULT] os_privileged_user_auth_url");
    assertThatThrownBy(() -> MasakariConfig.of(IniFile.parse(f, List.of("[DEFAULT]", "auth_strategy = noauth2",
        "nova_compute_host_check = false", "masakari_api_listen_port = 99999"))))
        .hasMessage("/etc/masakari/masakari.conf:4 [DEFAULT] masakari_api_listen_port: value 99999 is outside [1, 65535]");
  }

  @Test
  void unknownOptionsAndSectionsWarn() {
    MasakariConfig cfg = MasakariConfig.of(IniFile.parse(Path.of("m.conf"), List.of("[DEFAULT]", "auth_strategy = noauth2",
        "nova_compute_host_check = false", "osapi_max_limt = 5", "[mystery]", "a = b")));
    assertThat(cfg.warnings()).containsExactly("m.conf:4 [DEFAULT] unknown option osapi_max_limt (ignored)",
        "m.conf: unknown section [mystery] (ignored)");
  }
}
