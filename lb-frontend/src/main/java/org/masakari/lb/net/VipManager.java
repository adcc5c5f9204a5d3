package org.masakari.lb.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds and removes the virtual addresses with {@code ip addr} (no maintained Java rtnetlink library
 * exists; see dependencies.md §5). Needs CAP_NET_ADMIN. Bounded: each call has a 5 s limit.
 */
public final class VipManager {
  private static final Logger LOG = LoggerFactory.getLogger(VipManager.class);
  private static final long TIMEOUT_SECONDS = 5;

  private final String logPrefix;
  private final String device;
  private final List<String> cidrs;

  /** @param cidrs addresses with prefix length, e.g. {@code 10.99.0.10/24} */
  public VipManager(String logPrefix, String device, List<String> cidrs) {
    this.logPrefix = logPrefix;
    this.device = device;
    this.cidrs = List.copyOf(cidrs);
  }

  public void addAll() {
    for (String cidr : cidrs) {
      String out = ip("add", cidr);
      if (out != null && !out.contains("File exists")) {
        LOG.warn("{} adding VIP {} on {} failed: {}", logPrefix, cidr, device, out);
      } else {
        LOG.info("{} VIP {} added on {}", logPrefix, cidr, device);
      }
    }
  }

  /** Removes every VIP; "not there" is fine (start-up clean-up after a crash that left them behind). */
  public void removeAll() {
    for (String cidr : cidrs) {
      String out = ip("del", cidr);
      if (out == null) {
        LOG.info("{} VIP {} removed from {}", logPrefix, cidr, device);
      }
    }
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
}
