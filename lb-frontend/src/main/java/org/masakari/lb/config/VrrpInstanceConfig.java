package org.masakari.lb.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.masakari.lb.vrrp.VrrpVersion;

/**
 * One {@code vrrp_instances} entry, keepalived's vocabulary. Defaults follow keepalived 2.2.7.
 *
 * @param trackBalancerWeight weight applied when the local balancer has no healthy server in any
 *     backend; null = not tracked, 0 = FAULT (resign at once with a priority-0 advert)
 */
public record VrrpInstanceConfig(
    String name,
    String interfaceName,
    int virtualRouterId,
    int priority,
    int advertIntervalCs,
    VrrpVersion version,
    boolean preempt,
    Duration preemptDelay,
    int authType,
    String authPass,
    Inet4Address unicastSrcIp,
    List<Inet4Address> unicastPeers,
    List<String> virtualAddresses,
    int garpMasterRepeat,
    Duration garpMasterDelay,
    String notifyScript,
    String notifyMaster,
    String notifyBackup,
    List<TrackInterfaceConfig> trackInterfaces,
    List<TrackScriptConfig> trackScripts,
    Integer trackBalancerWeight) {

  public static final int DEFAULT_PRIORITY = 100;
  public static final Duration DEFAULT_ADVERT_INT = Duration.ofSeconds(1);
  public static final VrrpVersion DEFAULT_VERSION = VrrpVersion.V3;
  public static final int DEFAULT_GARP_MASTER_REPEAT = 5;
  public static final Duration DEFAULT_GARP_MASTER_DELAY = Duration.ofSeconds(5);

  public VrrpInstanceConfig {
    unicastPeers = List.copyOf(unicastPeers);
    virtualAddresses = List.copyOf(virtualAddresses);
    trackInterfaces = List.copyOf(trackInterfaces);
    trackScripts = List.copyOf(trackScripts);
  }

  /** The VIPs without prefix length, in configuration order. */
  public List<Inet4Address> virtualIps() {
    return virtualAddresses.stream().map(c -> ipv4(c.contains("/") ? c.substring(0, c.indexOf('/')) : c)).toList();
  }

  public List<String> virtualCidrs() {
    return virtualAddresses.stream().map(c -> c.contains("/") ? c : c + "/32").toList();
  }

  static VrrpInstanceConfig read(Section s) {
    s.allowOnly("name", "interface", "virtual_router_id", "priority", "advert_int", "version", "preempt", "nopreempt",
        "preempt_delay", "authentication", "unicast_src_ip", "unicast_peer", "virtual_ipaddress", "garp_master_repeat",
        "garp_master_delay", "notify", "notify_master", "notify_backup", "track_interface", "track_script",
        "track_balancer", "state");
    VrrpVersion version = s.check("version", () -> VrrpVersion.of(s.integer("version", DEFAULT_VERSION.wireValue(), 2, 3)));
    Duration advert = s.duration("advert_int", DEFAULT_ADVERT_INT, "s", Duration.ofMillis(10), Duration.ofMillis(40950));
    long cs = advert.toMillis() / 10;
    if (cs * 10 != advert.toMillis()) {
      throw s.error("advert_int", "must be a multiple of 0.01 s");
    }
    if (version == VrrpVersion.V2 && cs % 100 != 0) {
      throw s.error("advert_int", "VRRPv2 carries whole seconds; use version: 3 for sub-second adverts");
    }
    Section auth = s.section("authentication");
    auth.allowOnly("auth_type", "auth_pass");
    String authType = auth.string("auth_type", "NONE").toUpperCase(java.util.Locale.ROOT);
    if (!authType.equals("NONE") && !authType.equals("PASS")) {
      throw auth.error("auth_type", "only PASS (or NONE) is supported, got " + authType);
    }
    if (authType.equals("PASS") && version != VrrpVersion.V2) {
      throw auth.error("auth_type", "authentication exists only in VRRPv2 (version: 2)");
    }
    String pass = auth.string("auth_pass", "");
    if (pass.length() > 8) {
      throw auth.error("auth_pass", "at most 8 characters (keepalived truncates; we refuse)");
    }
    if (authType.equals("PASS") && pass.isEmpty()) {
      throw auth.error("auth_pass", "is required with auth_type PASS");
    }
    List<String> vips = s.strings("virtual_ipaddress");
    if (vips.isEmpty()) {
      throw s.error("virtual_ipaddress", "at least one address is required");
    }
    for (String vip : vips) {
      s.check("virtual_ipaddress", () -> parseCidr(vip));
    }
    int priority = s.integer("priority", DEFAULT_PRIORITY, 1, 255);
    boolean nopreempt = s.bool("nopreempt", false);
    String state = s.string("state", "BACKUP");
    if (!state.equalsIgnoreCase("BACKUP") && !state.equalsIgnoreCase("MASTER")) {
      throw s.error("state", "expected MASTER or BACKUP (informational: the election decides)");
    }
    Section tb = s.section("track_balancer");
    tb.allowOnly("weight");
    Integer trackBalancer = s.has("track_balancer") ? tb.integer("weight", 0, -253, 0) : null;
    if (!s.has("virtual_router_id")) {
      throw s.error("virtual_router_id", "is required (1..255, the same on every router of the group)");
    }
    int vrid = s.integer("virtual_router_id", 0, 1, 255);
    return new VrrpInstanceConfig(
        s.string("name", "VI_" + vrid),
        s.requiredString("interface"),
        vrid,
        priority,
        (int) cs,
        version,
        s.bool("preempt", !nopreempt) && !nopreempt,
        s.duration("preempt_delay", Duration.ZERO, "s", Duration.ZERO, Duration.ofSeconds(1000)),
        authType.equals("PASS") ? 1 : 0,
        pass,
        s.has("unicast_src_ip") ? s.check("unicast_src_ip", () -> ipv4(s.string("unicast_src_ip", ""))) : null,
        s.strings("unicast_peer").stream().map(p -> s.check("unicast_peer", () -> ipv4(p))).toList(),
        vips,
        s.integer("garp_master_repeat", DEFAULT_GARP_MASTER_REPEAT, 0, 100),
        s.duration("garp_master_delay", DEFAULT_GARP_MASTER_DELAY, "s", Duration.ZERO, Duration.ofHours(1)),
        s.string("notify", null),
        s.string("notify_master", null),
        s.string("notify_backup", null),
        s.sections("track_interface", TrackInterfaceConfig::read),
        s.sections("track_script", TrackScriptConfig::read),
        trackBalancer);
  }

  static Inet4Address ipv4(String text) {
    if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new IllegalArgumentException("expected an IPv4 address, got \"" + text + "\"");
    }
    try {
      return (Inet4Address) InetAddress.getByName(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("expected an IPv4 address, got \"" + text + "\"");
    }
  }

  static String parseCidr(String text) {
    String[] parts = text.split("/", 2);
    ipv4(parts[0]);
    if (parts.length == 2) {
      int len;
      try {
        len = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in \"" + text + "\"");
      }
      if (len < 1 || len > 32) {
        throw new IllegalArgumentException("prefix length must be 1..32 in \"" + text + "\"");
      }
    }
    return text;
  }
}
