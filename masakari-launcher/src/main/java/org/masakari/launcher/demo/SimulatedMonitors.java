package org.masakari.launcher.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.masakari.client.config.IniFile;
import org.masakari.client.keystone.ApiOptions;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.HostStatus;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.masakari.client.notifier.Outcome;
import org.masakari.client.notifier.RetryPolicy;
import org.masakari.sim.cloud.CloudState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's compute-node monitors. On a real cloud hostmonitor notices a dead peer and instancemonitor a
 * crashed guest; in the demo the simulator injects those failures, so this listener reports them the way
 * the monitors do: their notifier ({@link MasakariNotifier}, Keystone password auth as the {@code masakari}
 * service user, the {@code instance-ha} endpoint from the catalog, upstream's retry rules) and their JSON
 * (hostmonitor: {@code COMPUTE_HOST STOPPED}, {@code host_status NORMAL} — the simulator's failure is a
 * confirmed power-off; instancemonitor: {@code VM LIFECYCLE STOPPED_FAILED}).
 */
public final class SimulatedMonitors implements CloudState.FailureListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SimulatedMonitors.class);

  private final MasakariNotifier notifier;

  private SimulatedMonitors(MasakariNotifier notifier) {
    this.notifier = notifier;
  }

  /** Listens to the demo cloud's failures from now on. */
  public static SimulatedMonitors attach(DemoCloud cloud) {
    ApiOptions api = ApiOptions.from(IniFile.parse(null, List.of("[api]",
        "auth_url = " + cloud.sim().keystoneUrl(),
        "username = " + DemoScenario.SERVICE_USER_TEMPLATE.username(),
        "password = " + DemoScenario.SERVICE_USER_TEMPLATE.password(),
        "project_name = " + DemoScenario.SERVICE_USER_TEMPLATE.project(),
        "user_domain_name = Default", "project_domain_name = Default")));
    SimulatedMonitors m = new SimulatedMonitors(MasakariNotifier.create(api,
        new RetryPolicy(RetryPolicy.DEFAULT_RETRY_MAX, Duration.ofSeconds(2))));
    cloud.sim().state().addFailureListener(m);
    return m;
  }

  @Override
  public void hostFailed(String host) {
    report(Notification.hostStopped(host, GeneratedTime.now(Clock.systemUTC()), HostStatus.NORMAL));
  }

  @Override
  public void serverCrashed(String serverId, String host) {
    report(Notification.vmEvent(host, GeneratedTime.now(Clock.systemUTC()), "LIFECYCLE", UUID.fromString(serverId),
        "STOPPED_FAILED"));
  }

  /** @return the delivery's outcome (tests); the notifier logs rejections and drops itself */
  CompletableFuture<Outcome> report(Notification n) {
    LOG.info("[host={}] simulated monitor reports {} {}", n.hostname(), n.type(), n.payload());
    return notifier.send(n);
  }

  @Override
  public void close() {
    notifier.close();
  }
}
