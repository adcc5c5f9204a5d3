package org.masakari.monitor.host.pacemaker;

import java.util.List;
import org.masakari.monitor.host.ExternalCommand;
import org.masakari.monitor.host.HostOptions;

/**
 * Which Pacemaker stack runs here. {@code autodetect} asks systemd (exit 0 and empty stderr of
 * {@code systemctl status X}); {@code cluster} and {@code remote} skip systemd (containers).
 */
record ClusterStack(boolean corosync, boolean pacemaker, boolean pacemakerRemote) {

  static ClusterStack detect(HostOptions.NodeType type, ExternalCommand commands) {
    return switch (type) {
      case CLUSTER -> new ClusterStack(true, true, false);
      case REMOTE -> new ClusterStack(false, false, true);
      case AUTODETECT -> new ClusterStack(active(commands, "corosync"), active(commands, "pacemaker"),
          active(commands, "pacemaker_remote"));
    };
  }

  private static boolean active(ExternalCommand commands, String unit) {
    return commands.run(List.of("systemctl", "status", unit)).cleanSuccess();
  }

  boolean fullStack() {
    return corosync && pacemaker;
  }
}
