package org.masakari.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IniFileTest {
  private static final Path F = Path.of("/etc/masakari/masakari.conf");

  @Test
  void parsesSectionsCommentsContinuationsAndRepeats() {
    IniFile ini = IniFile.parse(F, List.of(
        "# comment", "[DEFAULT]", "auth_strategy = noauth2", "; other comment",
        "osapi_max_limit: 50", "[database]", "connection = mysql+pymysql://u:p@h/db",
        "  ?charset=utf8", "[x]", "k = 1", "k = 2"));
    assertThat(ini.get("DEFAULT", "auth_strategy").orElseThrow().value()).isEqualTo("noauth2");
    assertThat(ini.get("DEFAULT", "osapi_max_limit").orElseThrow().line()).isEqualTo(5);
    assertThat(ini.get("database", "connection").orElseThrow().value())
        .isEqualTo("mysql+pymysql://u:p@h/db\n?charset=utf8");
    assertThat(ini.get("x", "k").orElseThrow().value()).isEqualTo("2");
    assertThat(ini.getAll("x", "k")).hasSize(2);
  }

  @Test
  void badValueNamesFileLineSectionAndOption() {
    IniFile ini = IniFile.parse(F, List.of("[DEFAULT]", "", "osapi_max_limit = lots"));
    assertThatThrownBy(() -> ini.section("DEFAULT").integer("osapi_max_limit", 1000, 0, 100000))
        .isInstanceOf(ConfigException.class)
        .hasMessage("/etc/masakari/masakari.conf:3 [DEFAULT] osapi_max_limit: not an integer: 'lots'");
  }

  @Test
  void optionBeforeSectionIsRejectedWithLine() {
    assertThatThrownBy(() -> IniFile.parse(F, List.of("a = b")))
        .hasMessageContaining(":1")
        .hasMessageContaining("before any [section]");
  }

  @Test
  void typedReadersAndUnknownOptions() {
    IniFile ini = IniFile.parse(F, List.of("[s]", "flag = Yes", "wait = 5", "tyop = 1", "ratio = 0.5"));
    Section s = ini.section("s");
    assertThat(s.bool("flag", false)).isTrue();
    assertThat(s.seconds("wait", 180, 0)).isEqualTo(Duration.ofSeconds(5));
    assertThat(s.fractionalSeconds("ratio", 1, 0)).isEqualTo(Duration.ofMillis(500));
    assertThat(s.string("missing", "d")).isEqualTo("d");
    assertThat(s.unknownOptions()).extracting(IniFile.Entry::option).containsExactly("tyop");
    assertThatThrownBy(() -> IniFile.parse(F, List.of("[s]", "flag = maybe")).section("s").bool("flag", true))
        .hasMessageContaining(":2 [s] flag: not a boolean");
  }
}
