package org.masakari.monitor.host;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.masakari.client.config.Section;
import org.masakari.client.notifier.RetryPolicy;

/**
 * {@code [host]} of masakarimonitors.conf with upstream's names and defaults. Durations accept
 * fractions of a second (upstream: integers), which tests use.
 */
public record HostOptions(
    String monitoringDriver,
    Duration monitoringInterval,
    int monitoringSamples,
    RetryPolicy apiRetry,
    boolean disableIpmiCheck,
    boolean restrictToRemotes,
    Duration ipmiTimeout,
    int ipmiRetryMax,
    Duration ipmiRetryInterval,
    Duration stonithWait,
    Duration tcpdumpTimeout,
    List<String> corosyncMulticastInterfaces,
    List<Integer> corosyncMulticastPorts,
    NodeType pacemakerNodeType) {

  public static final String SECTION = "host";
  static final Set<String> DRIVERS = Set.of("default", "simple", "pacemaker", "heartbeat", "consul", "kubernetes");

  /** {@code pacemaker_node_type}. */
  public enum NodeType { AUTODETECT, CLUSTER, REMOTE }

  public static HostOptions from(Section s) {
    String driver = s.string("monitoring_driver", "default");
    if (!DRIVERS.contains(driver)) {
      throw s.invalid("monitoring_driver", "'" + driver + "' is not one of " + DRIVERS);
    }
    List<String> ifaces = s.list("corosync_multicast_interfaces", List.of());
    List<Integer> ports = s.list("corosync_multicast_ports", List.of()).stream().map(p -> port(s, p)).toList();
    NodeType nodeType;
    try {
      nodeType = NodeType.valueOf(s.string("pacemaker_node_type", "autodetect").toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw s.invalid("pacemaker_node_type", "must be autodetect, cluster or remote");
    }
    return new HostOptions(driver,
        s.fractionalSeconds("monitoring_interval", 60, 0.01),
        s.integer("monitoring_samples", 1, 1, 1000),
        new RetryPolicy(s.integer("api_retry_max", RetryPolicy.DEFAULT_RETRY_MAX, 0, 10_000),
            s.fractionalSeconds("api_retry_interval", RetryPolicy.DEFAULT_RETRY_INTERVAL.toSeconds(), 0)),
        s.bool("disable_ipmi_check", false),
        s.bool("restrict_to_remotes", false),
        s.fractionalSeconds("ipmi_timeout", 5, 0.01),
        s.integer("ipmi_retry_max", 3, 0, 1000),
        s.fractionalSeconds("ipmi_retry_interval", 10, 0),
        s.fractionalSeconds("stonith_wait", 30, 0),
        s.fractionalSeconds("tcpdump_timeout", 5, 0.01),
        ifaces, ports, nodeType);
  }

  private static int port(Section s, String p) {
    try {
      int v = Integer.parseInt(p);
      if (v >= 1 && v <= 65535) {
        return v;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw s.invalid("corosync_multicast_ports", "'" + p + "' is not a port number");
  }
}
