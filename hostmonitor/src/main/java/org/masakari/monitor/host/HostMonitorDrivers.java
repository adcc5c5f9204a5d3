package org.masakari.monitor.host;

import java.time.Clock;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.monitor.host.heartbeat.HeartbeatDriver;
import org.masakari.monitor.host.pacemaker.PacemakerDriver;
import org.masakari.monitor.host.power.IpmiPowerCheck;

/** The one place that maps {@code [host] monitoring_driver} to a driver. */
final class HostMonitorDrivers {
  private HostMonitorDrivers() {}

  static HostMonitorDriver create(HostMonitorConfig cfg, MasakariNotifier notifier, StopSignal stop) {
    HostOptions o = cfg.host();
    ExternalCommand commands = ExternalCommand.system();
    return switch (o.monitoringDriver()) {
      case "default", "simple", "pacemaker" ->
          new PacemakerDriver(cfg.hostname(), o, commands, notifier, Clock.systemUTC(), stop);
      case "heartbeat" -> new HeartbeatDriver(cfg.hostname(), cfg.heartbeat().orElseThrow(), !o.disableIpmiCheck(),
          new IpmiPowerCheck(commands, o.ipmiTimeout(), o.ipmiRetryMax(), o.ipmiRetryInterval(), stop),
          notifier, Clock.systemUTC(), stop);
      default -> throw new IllegalStateException("driver " + o.monitoringDriver() + " passed validation");
    };
  }
}
