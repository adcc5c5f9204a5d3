package org.masakari.launcher.demo;

import java.util.ArrayList;
import java.util.List;
import org.masakari.sim.scenario.Scenario;
import org.masakari.sim.scenario.ScenarioLoader;

/**
 * The demo cloud, in one place: three compute hosts and one reserved host in one segment, HA-enabled
 * servers ({@code ha-1..6}, two per compute host) and servers without the metadata ({@code web-1..3}),
 * the users, and the masakari.conf lines that point the API (keystone mode) and the engine at it. The
 * end-to-end test and the MTTR benchmark start the same cloud, so what the README shows is what CI runs.
 */
public final class DemoScenario {
  public static final String SEGMENT = "demo-segment";
  public static final List<String> COMPUTE_HOSTS = List.of("compute-1", "compute-2", "compute-3");
  public static final String RESERVED_HOST = "reserved-1";
  public static final String HA_PREFIX = "ha-";
  public static final int HA_SERVERS = 6;
  public static final String PLAIN_PREFIX = "web-";
  public static final int PLAIN_SERVERS = 3;
  /** Masakari's service user: validates tokens (keystone_authtoken) and drives Nova (os_privileged_user_*). */
  public static final MasakariApiClient.Credentials SERVICE_USER_TEMPLATE =
      new MasakariApiClient.Credentials(null, "masakari", "masakari", "service");
  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin";
  public static final String ADMIN_PROJECT = "admin";

  private DemoScenario() {}

  public static CloudLayout layout() {
    return new CloudLayout(cloud(), SEGMENT, COMPUTE_HOSTS, RESERVED_HOST);
  }

  /** The simulated cloud. A reserved host's nova-compute is disabled by {@link DemoCloud} after start. */
  public static Scenario cloud() {
    String yaml = String.join("\n",
        "users:",
        "  - {name: admin, password: admin, project: admin, role: admin}",
        "  - {name: demo, password: demo, project: demo, role: member}",
        "  - {name: masakari, password: masakari, project: service, role: admin}",
        "hosts: [" + String.join(", ", COMPUTE_HOSTS) + ", " + RESERVED_HOST + "]",
        "aggregates:",
        "  - {name: " + SEGMENT + ", hosts: [" + String.join(", ", COMPUTE_HOSTS) + ", " + RESERVED_HOST + "]}",
        "servers:",
        "  - {name_prefix: " + HA_PREFIX + ", count: " + HA_SERVERS + ", hosts: [" + String.join(", ", COMPUTE_HOSTS)
            + "], project: demo, metadata: {HA_Enabled: \"True\"}}",
        "  - {name_prefix: " + PLAIN_PREFIX + ", count: " + PLAIN_SERVERS + ", hosts: ["
            + String.join(", ", COMPUTE_HOSTS) + "], project: demo}",
        "");
    return ScenarioLoader.parse(yaml, "demo-cloud");
  }

  /**
   * masakari.conf for the demo: keystone auth against the simulated Keystone, Nova through the service
   * user. Only HA-enabled servers are evacuated ({@code evacuate_all_instances = false}, upstream's
   * default is true) so that the demo shows the difference the metadata makes.
   *
   * @param extraLines appended last, so they override (tests shorten the engine's waits)
   */
  public static List<String> masakariConfig(String keystoneUrl, List<String> extraLines) {
    List<String> lines = new ArrayList<>(List.of(
        "[DEFAULT]",
        "auth_strategy = keystone",
        "os_privileged_user_auth_url = " + keystoneUrl,
        "os_privileged_user_name = " + SERVICE_USER_TEMPLATE.username(),
        "os_privileged_user_password = " + SERVICE_USER_TEMPLATE.password(),
        "os_privileged_user_tenant = " + SERVICE_USER_TEMPLATE.project(),
        "os_region_name = RegionOne",
        "[keystone_authtoken]",
        "www_authenticate_uri = " + keystoneUrl,
        "auth_url = " + keystoneUrl,
        "auth_type = password",
        "username = " + SERVICE_USER_TEMPLATE.username(),
        "password = " + SERVICE_USER_TEMPLATE.password(),
        "project_name = " + SERVICE_USER_TEMPLATE.project(),
        "[host_failure]",
        "evacuate_all_instances = false"));
    lines.addAll(extraLines);
    return lines;
  }

  public static MasakariApiClient.Credentials admin(String keystoneUrl) {
    return new MasakariApiClient.Credentials(keystoneUrl, ADMIN_USER, ADMIN_PASSWORD, ADMIN_PROJECT);
  }
}
