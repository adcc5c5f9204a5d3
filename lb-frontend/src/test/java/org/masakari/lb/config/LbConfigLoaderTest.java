package org.masakari.lb.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masakari.lb.config.BackendConfig.Algorithm;
import org.masakari.lb.vrrp.VrrpVersion;

class LbConfigLoaderTest {
  @TempDir
  Path dir;

  static final String GOOD = """
      global:
        admin: 127.0.0.1:8404
        admin_socket: /run/masakari-lb/admin.sock
        admin_socket_mode: 660
      vrrp_instances:
        - name: VI_1
          interface: eth0
          virtual_router_id: 51
          priority: 150
          advert_int: 0.1
          version: 3
          virtual_ipaddress: [10.99.0.10/24]
      frontends:
        - name: api
          bind: 0.0.0.0:15868
          default_backend: api
      backends:
        - name: api
          balance: leastconn
          check: {type: http, path: /healthcheck, inter: 500, fall: 2, rise: 1}
          servers:
            - {name: api1, address: "10.0.0.1:15868"}
            - {name: api2, address: "10.0.0.2:15868", weight: 3}
      """;

  Path write(String yaml) throws Exception {
    Path p = dir.resolve("lb.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  @Test
  void readsKeepalivedAndHaproxyVocabulary() throws Exception {
    LbConfig c = LbConfigLoader.load(write(GOOD));
    VrrpInstanceConfig v = c.vrrpInstances().get(0);
    assertThat(v.advertIntervalCs()).isEqualTo(10);
    assertThat(v.version()).isEqualTo(VrrpVersion.V3);
    assertThat(v.preempt()).isTrue();
    assertThat(v.garpMasterRepeat()).isEqualTo(VrrpInstanceConfig.DEFAULT_GARP_MASTER_REPEAT);
    BackendConfig b = c.backends().get(0);
    assertThat(b.balance()).isEqualTo(Algorithm.LEASTCONN);
    assertThat(b.check().inter()).isEqualTo(Duration.ofMillis(500));
    assertThat(b.check().type()).isEqualTo(HealthCheckConfig.Type.HTTP);
    assertThat(b.redispatch()).isTrue();
    assertThat(b.servers().get(1).weight()).isEqualTo(3);
    assertThat(c.admin()).isEqualTo(new AdminConfig(new HostPort("127.0.0.1", 8404), Path.of("/run/masakari-lb/admin.sock"), 0660));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "priority: 150|priority: 300|lb.yaml:9: vrrp_instances[0].priority: must be 1..255, got 300",
      "priority: 150|priorty: 150|lb.yaml:9: vrrp_instances[0].priorty: unknown option",
      "advert_int: 0.1|advert_int: 0.005|lb.yaml:10: vrrp_instances[0].advert_int: must be between",
      "version: 3|version: 2|lb.yaml:10: vrrp_instances[0].advert_int: VRRPv2 carries whole seconds",
      "balance: leastconn|balance: fastest|lb.yaml:19: backends[0].balance: expected one of",
      "weight: 3|weight: heavy|lb.yaml:23: backends[0].servers[1].weight: expected an integer",
      "10.0.0.2:15868|10.0.0.2|lb.yaml:23: backends[0].servers[1].address: expected host:port",
      "default_backend: api|default_backend: nope|default_backend 'nope' is not defined",
      "inter: 500|inter: soon|lb.yaml:20: backends[0].check.inter: expected a duration",
      "admin_socket_mode: 660|admin_socket_mode: 0999|lb.yaml:4: global.admin_socket_mode: expected an octal file mode",
      "admin_socket: /run/masakari-lb/admin.sock|admin_socket: admin.sock|lb.yaml:3: global.admin_socket: must be an absolute path",
      "[10.99.0.10/24]|[10.99.0.300/24]|lb.yaml:12: vrrp_instances[0].virtual_ipaddress: expected an IPv4 address"})
  void badValuesNameFileLineAndOption(String from, String to, String message) throws Exception {
    Path p = write(GOOD.replace(from, to));
    assertThatThrownBy(() -> LbConfigLoader.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(message.replace("lb.yaml", p.toString()));
  }

  @Test
  void adminSocketIsOptionalWithMode0600AndAnOverlongPathIsRejected() throws Exception {
    LbConfig plain = LbConfigLoader.load(write(GOOD.replace("  admin_socket: /run/masakari-lb/admin.sock\n", "")
        .replace("  admin_socket_mode: 660\n", "")));
    assertThat(plain.admin().socket()).isNull();
    assertThat(plain.admin().socketMode()).isEqualTo(AdminConfig.DEFAULT_SOCKET_MODE).isEqualTo(0600);
    Path p = write(GOOD.replace("/run/masakari-lb/admin.sock", "/run/" + "x".repeat(100)));
    assertThatThrownBy(() -> LbConfigLoader.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageContaining(p + ":3: global.admin_socket: longer than 103 bytes");
  }

  @Test
  void brokenYamlNamesTheLine() throws Exception {
    Path p = write("global:\n  admin: [unclosed\nbackends: 3\n");
    assertThatThrownBy(() -> LbConfigLoader.load(p)).isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(p + ":").hasMessageContaining("not valid YAML");
  }

  @Test
  void durationsAcceptUnitsAndBareNumbers() {
    assertThat(Section.parseDuration("2s", "ms")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Section.parseDuration("2000", "ms")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Section.parseDuration("0.1", "s")).isEqualTo(Duration.ofMillis(100));
    assertThat(Section.parseDuration("1.5s", "ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(Section.parseDuration("100ms", "s")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void sampleConfigShippedWithTheModuleIsValidAndMatchesDefaults() throws Exception {
    LbConfig c = LbConfigLoader.load(Path.of("src/main/dist/lb.yaml"));
    assertThat(c.backends().get(0).servers()).hasSize(3).allSatisfy(s -> assertThat(s.address().port()).isEqualTo(15868));
    assertThat(c.frontends().get(0).bind().port()).isEqualTo(15868);
    BackendConfig b = c.backends().get(0);
    assertThat(b.retries()).isEqualTo(BackendConfig.DEFAULT_RETRIES);
    assertThat(b.timeoutConnect()).isEqualTo(BackendConfig.DEFAULT_TIMEOUT_CONNECT);
  }
}
