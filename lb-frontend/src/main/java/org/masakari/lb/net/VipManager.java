package org.masakari.lb.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes the virtual addresses: rtnetlink first (no fork on the takeover path), and
 * {@code ip addr} as the fallback when netlink is not usable. Needs CAP_NET_ADMIN.
 */
public final class VipManager implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VipManager.class);
  private static final long TIMEOUT_SECONDS = 5;

  private final String logPrefix;
  private final String device;
  private final int ifindex;
  private final List<String> cidrs;
  private final NetlinkAddresses netlink;

  /** @param cidrs addresses with prefix length, e.g. {@code 10.99.0.10/24} */
  public VipManager(String logPrefix, String device, int ifindex, List<String> cidrs) {
    this.logPrefix = logPrefix;
    this.device = device;
    this.ifindex = ifindex;
    this.cidrs = List.copyOf(cidrs);
    NetlinkAddresses nl = null;
    try {
      nl = new NetlinkAddresses();
    } catch (RuntimeException e) {
      LOG.warn("{} rtnetlink unavailable ({}), using ip addr", logPrefix, e.getMessage());
    }
    this.netlink = nl;
  }

  public void addAll() {
    for (String cidr : cidrs) {
      String error = change(true, cidr);
      if (error != null) {
        LOG.warn("{} adding VIP {} on {} failed: {}", logPrefix, cidr, device, error);
      } else {
        LOG.info("{} VIP {} added on {}", logPrefix, cidr, device);
      }
    }
  }

  /** Removes every VIP; "not there" is fine (start-up clean-up after a crash that left them behind). */
  public void removeAll() {
    for (String cidr : cidrs) {
      if (change(false, cidr) == null) {
        LOG.info("{} VIP {} removed from {}", logPrefix, cidr, device);
      }
    }
  }

  /** Returns null when the address is now as wanted, else why not ("absent" for a delete of nothing). */
  private String change(boolean add, String cidr) {
    if (netlink != null) {
      try {
        int slash = cidr.indexOf('/');
        Inet4Address address = (Inet4Address) InetAddress.getByName(cidr.substring(0, slash));
        int prefix = Integer.parseInt(cidr.substring(slash + 1));
        int errno = add ? netlink.add(ifindex, address, prefix) : netlink.delete(ifindex, address, prefix);
        if (errno == 0 || (add && errno == NetlinkAddresses.EEXIST)) {
          return null;
        }
        return errno == NetlinkAddresses.EADDRNOTAVAIL ? "absent" : "netlink errno " + errno;
      } catch (IOException | RuntimeException e) {
        LOG.warn("{} rtnetlink failed ({}), using ip addr", logPrefix, e.getMessage());
      }
    }
    String out = ip(add ? "add" : "del", cidr);
    return out == null || (add && out.contains("File exists")) ? null : out;
  }

  /** Returns null on success, else the command's output. */
  private String ip(String verb, String cidr) {
    ProcessBuilder pb = new ProcessBuilder("ip", "addr", verb, cidr, "dev", device).redirectErrorStream(true);
    try {
      Process p = pb.start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 ? null : out;
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  @Override
  public void close() {
    if (netlink != null) {
      netlink.close();
    }
  }
}
