package org.masakari.client.keystone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.ConfigException;
import org.masakari.client.config.IniFile;

class ApiOptionsTest {
  private static final Path F = Path.of("/etc/masakarimonitors/masakarimonitors.conf");

  private static ApiOptions parse(String... lines) {
    return ApiOptions.from(IniFile.parse(F, List.of(lines)));
  }

  @Test
  void readsTheInstallGuideSection() {
    ApiOptions o = parse("[api]", "auth_url = http://127.0.0.1:5000/identity", "project_name = service",
        "project_domain_name = Default", "username = masakari", "user_domain_name = Default",
        "password = secret", "region = RegionTwo", "api_interface = internal");
    assertThat(o.authType()).isEqualTo(AuthType.PASSWORD);
    assertThat(o.authUrl()).contains(URI.create("http://127.0.0.1:5000/identity"));
    assertThat(o.region()).isEqualTo("RegionTwo");
    assertThat(o.apiInterface()).isEqualTo(EndpointInterface.INTERNAL);
    assertThat(o.credentials().projectDomainName()).contains("Default");
  }

  @Test
  void defaultsMatchUpstream() {
    ApiOptions o = parse("[api]", "auth_type = none", "endpoint = http://127.0.0.1:15868/v1");
    assertThat(o.region()).isEqualTo("RegionOne");
    assertThat(o.apiInterface()).isEqualTo(EndpointInterface.PUBLIC);
    assertThat(o.authType()).isEqualTo(AuthType.NONE);
  }

  @Test
  void defaultDomainFillsUserAndProjectDomains() {
    ApiOptions o = parse("[api]", "auth_url = http://127.0.0.1:5000", "username = m", "password = p",
        "project_name = service", "default_domain_id = default");
    assertThat(o.credentials().userDomainId()).contains("default");
    assertThat(o.credentials().projectDomainId()).contains("default");
  }

  @Test
  void noneWithoutEndpointNamesTheOption() {
    assertThatThrownBy(() -> parse("[api]", "auth_type = none"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(F + " [api] endpoint: required when auth_type = none");
  }

  @Test
  void badInterfaceNamesFileLineAndOption() {
    assertThatThrownBy(() -> parse("[api]", "auth_type = none", "endpoint = http://127.0.0.1/",
        "api_interface = private"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(F + ":4 [api] api_interface:");
  }

  @Test
  void unknownAuthPluginIsRefused() {
    assertThatThrownBy(() -> parse("[api]", "auth_type = token"))
        .hasMessageStartingWith(F + ":2 [api] auth_type:");
  }

  @Test
  void passwordNeedsAuthUrlAndUser() {
    assertThatThrownBy(() -> parse("[api]", "password = p", "username = u"))
        .hasMessageContaining("[api] auth_url: required");
    assertThatThrownBy(() -> parse("[api]", "auth_url = http://127.0.0.1:5000", "password = p"))
        .hasMessageContaining("[api] username:");
    assertThatThrownBy(() -> parse("[api]", "auth_url = ftp://x", "password = p", "username = u"))
        .hasMessageContaining(":2 [api] auth_url: not an http(s) URL");
  }
}
