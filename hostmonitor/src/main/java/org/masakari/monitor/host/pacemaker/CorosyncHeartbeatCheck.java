package org.masakari.monitor.host.pacemaker;

import java.util.List;
import org.masakari.monitor.host.ExternalCommand;
import org.masakari.monitor.host.HostOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code _check_hb_line}: on a full-stack node, "did any packet arrive on a corosync
 * interface/port within tcpdump_timeout"; pacemaker-remote nodes skip it.
 */
final class CorosyncHeartbeatCheck {
  private static final Logger LOG = LoggerFactory.getLogger(CorosyncHeartbeatCheck.class);

  enum Result { OK, FAILED, CANNOT_CHECK }

  private final HostOptions options;
  private final ExternalCommand commands;

  CorosyncHeartbeatCheck(HostOptions options, ExternalCommand commands) {
    this.options = options;
    this.commands = commands;
  }

  Result check(ClusterStack stack) {
    if (!stack.fullStack()) {
      if (!stack.pacemakerRemote()) {
        LOG.warn("[host-monitor] neither pacemaker nor pacemaker-remote is running");
        return Result.CANNOT_CHECK;
      }
      return Result.OK;
    }
    List<String> ifaces = options.corosyncMulticastInterfaces();
    List<Integer> ports = options.corosyncMulticastPorts();
    if (ifaces.isEmpty() || ports.isEmpty() || ifaces.size() != ports.size()) {
      LOG.warn("[host-monitor] corosync_multicast_interfaces and corosync_multicast_ports must both be set "
          + "and have the same length");
      return Result.CANNOT_CHECK;
    }
    String seconds = Long.toString(Math.max(1, (options.tcpdumpTimeout().toMillis() + 999) / 1000));
    for (int i = 0; i < ifaces.size(); i++) {
      ExternalCommand.Result r = commands.run(List.of("timeout", seconds, "tcpdump", "-n", "-c", "1", "-p",
          "-i", ifaces.get(i), "port", Integer.toString(ports.get(i))));
      if (r.exitCode() == 0) {
        return Result.OK;
      }
      LOG.warn("[host-monitor] no corosync packet on {} port {} within {} s", ifaces.get(i), ports.get(i), seconds);
    }
    return Result.FAILED;
  }
}
