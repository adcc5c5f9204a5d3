package org.masakari.monitor.host.heartbeat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.masakari.client.config.Section;
import org.masakari.monitor.host.power.IpmiTarget;

/**
 * {@code [heartbeat]} (ours; upstream has no such driver). Every host of the segment is listed with
 * its address on each heartbeat network, e.g.
 * <pre>
 * networks = management, storage
 * management_addresses = cmp-01=10.0.0.11, cmp-02=10.0.0.12, cmp-03=10.0.0.13
 * storage_addresses = cmp-01=10.1.0.11, cmp-02=10.1.0.12, cmp-03=10.1.0.13
 * </pre>
 * A peer is lost when nothing was heard from it on any network for {@code dead_after}.
 */
public record HeartbeatOptions(
    List<String> networks,
    /** network → host → address; the same hosts on every network. */
    Map<String, Map<String, InetAddress>> addresses,
    int port,
    Duration interval,
    Duration deadAfter,
    Optional<String> authKey,
    Map<String, IpmiTarget> ipmi) {

  public static final String SECTION = "heartbeat";
  static final int DEFAULT_PORT = 5410;
  static final double DEFAULT_INTERVAL_S = 1;
  static final double DEFAULT_DEAD_AFTER_S = 3;

  /** Every host of the segment, sorted (the reporter choice relies on one order everywhere). */
  public TreeSet<String> hosts() {
    return new TreeSet<>(addresses.get(networks.get(0)).keySet());
  }

  public static HeartbeatOptions from(Section s, String self) {
    List<String> networks = s.list("networks", List.of("management"));
    Map<String, Map<String, InetAddress>> addresses = new LinkedHashMap<>();
    for (String net : networks) {
      String option = net + "_addresses";
      Map<String, String> raw = pairs(s, option);
      if (raw.isEmpty()) {
        throw s.invalid(option, "required: host=address for every host of the segment on network " + net);
      }
      Map<String, InetAddress> resolved = new LinkedHashMap<>();
      raw.forEach((host, addr) -> resolved.put(host, address(s, option, addr)));
      if (!addresses.isEmpty() && !addresses.values().iterator().next().keySet().equals(resolved.keySet())) {
        throw s.invalid(option, "must list the same hosts as " + networks.get(0) + "_addresses");
      }
      if (!resolved.containsKey(self)) {
        throw s.invalid(option, "does not list this host '" + self + "' ([DEFAULT] hostname)");
      }
      addresses.put(net, resolved);
    }
    Duration interval = s.fractionalSeconds("interval", DEFAULT_INTERVAL_S, 0.05);
    Duration deadAfter = s.fractionalSeconds("dead_after", DEFAULT_DEAD_AFTER_S, 0.1);
    if (deadAfter.compareTo(interval.multipliedBy(2)) < 0) {
      throw s.invalid("dead_after", "must be at least twice interval, or one lost datagram declares a host dead");
    }
    Map<String, IpmiTarget> ipmi = new LinkedHashMap<>();
    Map<String, String> bmcs = pairs(s, "ipmi_addresses");
    if (!bmcs.isEmpty()) {
      String user = s.optString("ipmi_userid").orElseThrow(() -> s.invalid("ipmi_userid", "required with ipmi_addresses"));
      String pass = s.optString("ipmi_passwd").orElseThrow(() -> s.invalid("ipmi_passwd", "required with ipmi_addresses"));
      String iface = s.string("ipmi_interface", "lanplus");
      bmcs.forEach((host, addr) -> ipmi.put(host, new IpmiTarget(host, addr, user, pass, iface)));
    }
    return new HeartbeatOptions(List.copyOf(networks), addresses, s.integer("port", DEFAULT_PORT, 1, 65535),
        interval, deadAfter, s.optString("auth_key"), ipmi);
  }

  private static Map<String, String> pairs(Section s, String option) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String item : s.list(option, List.of())) {
      int eq = item.indexOf('=');
      if (eq <= 0 || eq == item.length() - 1) {
        throw s.invalid(option, "'" + item + "' is not host=address");
      }
      out.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
    }
    return out;
  }

  private static InetAddress address(Section s, String option, String addr) {
    if (!addr.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
      throw s.invalid(option, "'" + addr + "' is not an IP address (names are not resolved)");
    }
    try {
      return InetAddress.getByName(addr.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      throw s.invalid(option, "'" + addr + "' is not an IP address");
    }
  }
}
