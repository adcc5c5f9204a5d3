package org.masakari.sim;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.keystone.UserAccount;
import org.masakari.sim.scenario.Scenario;

/**
 * How to start the simulator. Ports 0 mean "any free port" (tests); the bound ports are on the
 * {@link RunningSim}.
 *
 * @param bindHost address both servers listen on
 * @param publicHost host name put in catalog URLs (clients connect to it)
 * @param keystonePort Keystone v3 port, default 5000
 * @param novaPort Nova v2.1 (and /sim control) port, default 8774
 * @param settings timings; a scenario's settings override them
 * @param tokenLifetime Keystone token expiry, default 1 h
 * @param masakariUrl the {@code instance-ha} endpoint published in the catalog
 * @param scenario the initial cloud
 */
public record SimConfig(
    String bindHost,
    String publicHost,
    int keystonePort,
    int novaPort,
    CloudSettings settings,
    Duration tokenLifetime,
    String masakariUrl,
    List<UserAccount> users,
    Scenario scenario,
    Clock clock) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_KEYSTONE_PORT = 5000;
  public static final int DEFAULT_NOVA_PORT = 8774;
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);
  public static final String DEFAULT_MASAKARI_URL = "http://127.0.0.1:15868/v1";

  public SimConfig {
    Objects.requireNonNull(bindHost, "bind_host");
    Objects.requireNonNull(publicHost, "public_host");
    requirePort("keystone_port", keystonePort);
    requirePort("nova_port", novaPort);
    Objects.requireNonNull(settings, "settings");
    if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("token_lifetime must be positive, got " + tokenLifetime);
    }
    Objects.requireNonNull(masakariUrl, "masakari_url");
    users = List.copyOf(users);
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(clock, "clock");
  }

  public static SimConfig defaults() {
    return new SimConfig(DEFAULT_HOST, DEFAULT_HOST, DEFAULT_KEYSTONE_PORT, DEFAULT_NOVA_PORT, CloudSettings.defaults(),
        DEFAULT_TOKEN_LIFETIME, DEFAULT_MASAKARI_URL, UserAccount.DEFAULTS, Scenario.empty(), Clock.systemUTC());
  }

  /** Any free ports on 127.0.0.1: what embedding tests want. */
  public static SimConfig ephemeral() {
    return defaults().withPorts(0, 0);
  }

  public SimConfig withPorts(int keystone, int nova) {
    return new SimConfig(bindHost, publicHost, keystone, nova, settings, tokenLifetime, masakariUrl, users, scenario, clock);
  }

  public SimConfig withHosts(String bind, String pub) {
    return new SimConfig(bind, pub, keystonePort, novaPort, settings, tokenLifetime, masakariUrl, users, scenario, clock);
  }

  public SimConfig withSettings(CloudSettings s) {
    return new SimConfig(bindHost, publicHost, keystonePort, novaPort, s, tokenLifetime, masakariUrl, users, scenario, clock);
  }

  public SimConfig withScenario(Scenario s) {
    return new SimConfig(bindHost, publicHost, keystonePort, novaPort, settings, tokenLifetime, masakariUrl,
        s.users().isEmpty() ? users : s.users(), s, clock);
  }

  public SimConfig withMasakariUrl(String url) {
    return new SimConfig(bindHost, publicHost, keystonePort, novaPort, settings, tokenLifetime, url, users, scenario, clock);
  }

  public SimConfig withTokenLifetime(Duration d) {
    return new SimConfig(bindHost, publicHost, keystonePort, novaPort, settings, d, masakariUrl, users, scenario, clock);
  }

  private static void requirePort(String option, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(option + " must be 0..65535, got " + port);
    }
  }
}
