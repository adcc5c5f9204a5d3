package org.masakari.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code OS_*} variables of the demo's admin user, printed and written to {@code <data-dir>/openrc}. */
public final class Openrc {
  private Openrc() {}

  public static Map<String, String> variables(String keystoneUrl) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("OS_AUTH_URL", keystoneUrl);
    v.put("OS_USERNAME", DemoScenario.ADMIN_USER);
    v.put("OS_PASSWORD", DemoScenario.ADMIN_PASSWORD);
    v.put("OS_PROJECT_NAME", DemoScenario.ADMIN_PROJECT);
    v.put("OS_USER_DOMAIN_NAME", "Default");
    v.put("OS_PROJECT_DOMAIN_NAME", "Default");
    v.put("OS_IDENTITY_API_VERSION", "3");
    v.put("OS_REGION_NAME", "RegionOne");
    v.put("OS_COMPUTE_API_VERSION", "2.53");
    return v;
  }

  public static String text(String keystoneUrl) {
    return variables(keystoneUrl).entrySet().stream().map(e -> "export " + e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining("\n", "", "\n"));
  }

  static Path write(Path dataDir, String keystoneUrl) {
    DemoCloud.ensureDirectory(dataDir);
    Path file = dataDir.resolve("openrc");
    try {
      Files.writeString(file, "# masakari aio demo: the simulated cloud's admin\n" + text(keystoneUrl));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
