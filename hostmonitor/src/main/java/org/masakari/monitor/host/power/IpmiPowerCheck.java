package org.masakari.monitor.host.power;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.masakari.client.notifier.HostStatus;
import org.masakari.monitor.host.ExternalCommand;
import org.masakari.monitor.host.StopSignal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confirms a failed host is powered off before it is reported with {@code host_status=NORMAL}, as
 * upstream: {@code timeout T ipmitool -U u -P p -I iface -H addr power status}, up to
 * {@code 1 + retry_max} times; "Power is off" (exit 0, empty stderr) → NORMAL, anything else →
 * UNKNOWN, which the engine ignores rather than evacuate a host that may still write to disks.
 */
public final class IpmiPowerCheck {
  private static final Logger LOG = LoggerFactory.getLogger(IpmiPowerCheck.class);

  private final ExternalCommand commands;
  private final Duration timeout;
  private final int retryMax;
  private final Duration retryInterval;
  private final StopSignal stop;

  public IpmiPowerCheck(ExternalCommand commands, Duration timeout, int retryMax, Duration retryInterval,
      StopSignal stop) {
    this.commands = commands;
    this.timeout = timeout;
    this.retryMax = retryMax;
    this.retryInterval = retryInterval;
    this.stop = stop;
  }

  public HostStatus check(String host, Optional<IpmiTarget> target) {
    if (target.isEmpty()) {
      LOG.error("[host={}] no IPMI parameters found; cannot confirm power-off, reporting UNKNOWN", host);
      return HostStatus.UNKNOWN;
    }
    IpmiTarget t = target.get();
    String seconds = Long.toString(Math.max(1, (timeout.toMillis() + 999) / 1000));
    List<String> argv = List.of("timeout", seconds, "ipmitool", "-U", t.userid(), "-P", t.passwd(),
        "-I", t.iface(), "-H", t.ipaddr(), "power", "status");
    for (int attempt = 0; attempt <= retryMax; attempt++) {
      ExternalCommand.Result r = commands.run(argv);
      if (r.cleanSuccess() && r.stdout().contains("Power is off")) {
        LOG.info("[host={}] IPMI confirms power is off", host);
        return HostStatus.NORMAL;
      }
      LOG.warn("[host={}] IPMI power check {}/{}: exit {} {}", host, attempt + 1, retryMax + 1,
          r.exitCode(), (r.stdout() + " " + r.stderr()).strip());
      if (attempt < retryMax && stop.await(retryInterval)) {
        break;
      }
    }
    return HostStatus.UNKNOWN;
  }
}
