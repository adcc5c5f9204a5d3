package org.masakari.monitor.host.pacemaker;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.HostStatus;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.masakari.monitor.host.ExternalCommand;
import org.masakari.monitor.host.HostMonitorDriver;
import org.masakari.monitor.host.HostOptions;
import org.masakari.monitor.host.StopSignal;
import org.masakari.monitor.host.power.IpmiPowerCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's pacemaker/corosync driver (contract §2.3-2.5), one cycle every
 * {@code monitoring_interval}: corosync heartbeat line check, local controller stability
 * ({@code crmadmin -S}), cluster state from {@code cibadmin --query} or {@code crm_mon -X} with the
 * quorum gate, sample-stabilised status changes, IPMI power-off confirmation, COMPUTE_HOST payload.
 */
public final class PacemakerDriver implements HostMonitorDriver {
  private static final Logger LOG = LoggerFactory.getLogger(PacemakerDriver.class);

  /** Why a cycle ended; tests and metrics look at it. */
  public enum CycleOutcome { EVALUATED, HEARTBEAT_UNCHECKABLE, CONTROLLER_UNSTABLE, NO_QUORUM, STATE_UNREADABLE }

  private final String hostname;
  private final HostOptions options;
  private final ExternalCommand commands;
  private final MasakariNotifier notifier;
  private final Clock clock;
  private final StopSignal stop;
  private final IpmiPowerCheck power;
  private final CorosyncHeartbeatCheck heartbeat;
  private final NodeStatusEvaluator evaluator;
  private final AtomicLong cycles = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong lastCycleMillis = new AtomicLong(System.currentTimeMillis());
  private Thread loop;

  public PacemakerDriver(String hostname, HostOptions options, ExternalCommand commands,
      MasakariNotifier notifier, Clock clock, StopSignal stop) {
    this.hostname = hostname;
    this.options = options;
    this.commands = commands;
    this.notifier = notifier;
    this.clock = clock;
    this.stop = stop;
    this.power = new IpmiPowerCheck(commands, options.ipmiTimeout(), options.ipmiRetryMax(),
        options.ipmiRetryInterval(), stop);
    this.heartbeat = new CorosyncHeartbeatCheck(options, commands);
    this.evaluator = new NodeStatusEvaluator(hostname, options.monitoringSamples());
  }

  @Override
  public String name() {
    return "pacemaker";
  }

  @Override
  public void start() {
    loop = new Thread(() -> {
      while (!stop.isStopped()) {
        try {
          runCycle();
        } catch (RuntimeException e) {
          LOG.error("[host={}] monitoring cycle failed; continuing", hostname, e); // LP#1930361
        }
        lastCycleMillis.set(System.currentTimeMillis());
        if (stop.await(options.monitoringInterval())) {
          break;
        }
      }
    }, "hostmonitor-pacemaker");
    loop.start();
  }

  /** One cycle, exactly in upstream's order. */
  public CycleOutcome runCycle() {
    cycles.incrementAndGet();
    ClusterStack stack = ClusterStack.detect(options.pacemakerNodeType(), commands);
    CorosyncHeartbeatCheck.Result hb = heartbeat.check(stack);
    if (hb == CorosyncHeartbeatCheck.Result.CANNOT_CHECK) {
      return skip(CycleOutcome.HEARTBEAT_UNCHECKABLE, "cannot check the corosync heartbeat line");
    }
    if (hb == CorosyncHeartbeatCheck.Result.FAILED) {
      LOG.warn("[host={}] corosync heartbeat line failed: this host may be fenced by STONITH; waiting {} s",
          hostname, options.stonithWait().toSeconds());
      if (stop.await(options.stonithWait())) {
        return skip(CycleOutcome.HEARTBEAT_UNCHECKABLE, "stopping");
      }
    }
    if (stack.fullStack() && !controllerStable()) {
      return skip(CycleOutcome.CONTROLLER_UNSTABLE, "local pacemaker controller is not S_IDLE/S_NOT_DC");
    }
    ClusterSnapshot snap;
    try {
      snap = readCluster();
    } catch (ClusterStateException e) {
      return skip(CycleOutcome.STATE_UNREADABLE, e.getMessage());
    }
    if (!snap.quorum()) {
      return skip(CycleOutcome.NO_QUORUM, "cluster has no quorum; peers are not reported");
    }
    for (NodeStatusEvaluator.Change c : evaluator.evaluate(snap.nodes())) {
      notifier.send(c.online()
          ? Notification.hostStarted(c.uname(), GeneratedTime.now(clock))
          : Notification.hostStopped(c.uname(), GeneratedTime.now(clock), offlineStatus(c.uname(), snap)));
    }
    return CycleOutcome.EVALUATED;
  }

  private HostStatus offlineStatus(String host, ClusterSnapshot snap) {
    if (options.disableIpmiCheck()) {
      return HostStatus.NORMAL;
    }
    // crm_mon output carries no IPMI parameters; upstream crashes here, we report UNKNOWN
    return power.check(host, snap.cib().flatMap(cib -> CibIpmiTargets.find(cib, host)));
  }

  private boolean controllerStable() {
    ExternalCommand.Result r = commands.run(List.of("crmadmin", "-S", hostname));
    return r.stderr().isBlank() && (r.stdout().contains("S_IDLE") || r.stdout().contains("S_NOT_DC"));
  }

  private ClusterSnapshot readCluster() {
    List<String> argv = options.restrictToRemotes() ? List.of("crm_mon", "-X") : List.of("cibadmin", "--query");
    ExternalCommand.Result r = commands.run(argv);
    if (!r.cleanSuccess()) {
      throw new ClusterStateException(String.join(" ", argv) + " failed: exit " + r.exitCode() + " "
          + r.stderr().strip());
    }
    return options.restrictToRemotes() ? CrmMonParser.parse(r.stdout()) : CibParser.parse(r.stdout());
  }

  private CycleOutcome skip(CycleOutcome why, String detail) {
    skipped.incrementAndGet();
    LOG.warn("[host={}] hostmonitor skips monitoring hosts: {}", hostname, detail);
    return why;
  }

  @Override
  public boolean healthy() {
    long allowed = options.monitoringInterval().plus(options.stonithWait()).toMillis() * 2 + 60_000;
    return System.currentTimeMillis() - lastCycleMillis.get() < allowed;
  }

  @Override
  public String metrics() {
    return "# TYPE masakari_hostmonitor_cycles_total counter\nmasakari_hostmonitor_cycles_total " + cycles.get()
        + "\n# TYPE masakari_hostmonitor_cycles_skipped_total counter\nmasakari_hostmonitor_cycles_skipped_total "
        + skipped.get() + "\n";
  }

  @Override
  public void close() {
    stop.stop();
    if (loop != null) {
      try {
        loop.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

}
