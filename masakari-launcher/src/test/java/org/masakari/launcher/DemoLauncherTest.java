package org.masakari.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.client.config.IniFile;

/** Which configurations make {@code masakari aio} start the demo: those that give the engine no Nova. */
class DemoLauncherTest {

  @Test
  void aConfigWithNovaCredentialsRunsWithoutTheSimulator() {
    assertThat(DemoLauncher.hasNovaCredentials(IniFile.parse(null, List.of("[DEFAULT]",
        "os_privileged_user_auth_url = http://keystone.example/v3", "os_privileged_user_name = masakari")))).isTrue();
  }

  @Test
  void aConfigWithoutOrWithBlankNovaCredentialsGetsTheDemo() {
    assertThat(DemoLauncher.hasNovaCredentials(IniFile.parse(null, List.of("[DEFAULT]", "auth_strategy = noauth2"))))
        .isFalse();
    assertThat(DemoLauncher.hasNovaCredentials(IniFile.parse(null, List.of("[DEFAULT]",
        "os_privileged_user_auth_url =")))).isFalse();
    // the option is read from [DEFAULT] only, as upstream does
    assertThat(DemoLauncher.hasNovaCredentials(IniFile.parse(null, List.of("[nova]",
        "os_privileged_user_auth_url = http://keystone.example/v3")))).isFalse();
  }
}
