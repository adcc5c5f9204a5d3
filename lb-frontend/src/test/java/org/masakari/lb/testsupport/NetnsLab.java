package org.masakari.lb.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private copy of the lab of vrrp-lb-lab.md §1: a switch namespace with a bridge and N node
 * namespaces (eth0 = 10.99.0.1N/24), plus a client (10.99.0.100). Names carry a random suffix so
 * parallel runs never meet; nothing is created in the root namespace. {@link #close} stops every
 * process started here (by pid) and deletes the namespaces, also after a failed test.
 */
public final class NetnsLab implements AutoCloseable {
  public static final String VIP = "10.99.0.10";
  private final String prefix = "lbt" + UUID.randomUUID().toString().substring(0, 6) + "-";
  private final List<String> namespaces = new ArrayList<>();
  private final List<Process> processes = new ArrayList<>();
  private final Map<String, Path> keepalivedDirs = new LinkedHashMap<>();
  private final Path stateDir;
  private final int nodes;

  public NetnsLab(int nodes) throws IOException {
    this.nodes = nodes;
    this.stateDir = Files.createTempDirectory("netns-lab");
    try {
      create("sw");
      Shell.ok("ip", "-n", ns("sw"), "link", "add", "br0", "type", "bridge", "stp_state", "0");
      Shell.run(5, "ip", "netns", "exec", ns("sw"), "sh", "-c", "echo 0 > /sys/class/net/br0/bridge/multicast_snooping");
      Shell.ok("ip", "-n", ns("sw"), "link", "set", "br0", "up");
      for (int i = 1; i <= nodes; i++) {
        attach("n" + i, "p" + i, "10.99.0.1" + i);
      }
      attach("client", "pc", "10.99.0.100");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void create(String name) {
    Shell.ok("ip", "netns", "add", ns(name));
    namespaces.add(ns(name));
    Shell.ok("ip", "-n", ns(name), "link", "set", "lo", "up");
    Shell.run(5, "ip", "netns", "exec", ns(name), "sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
  }

  private void attach(String node, String port, String ip) {
    create(node);
    Shell.ok("ip", "-n", ns("sw"), "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns(node));
    Shell.ok("ip", "-n", ns("sw"), "link", "set", port, "master", "br0", "up");
    Shell.ok("ip", "-n", ns(node), "addr", "add", ip + "/24", "dev", "eth0");
    Shell.ok("ip", "-n", ns(node), "link", "set", "eth0", "up");
  }

  public String ns(String node) {
    return prefix + node;
  }

  public Path stateDir() {
    return stateDir;
  }

  /** Starts a process inside node {@code node}; output goes to {@code log}. */
  public Process start(String node, Path log, List<String> command) throws IOException {
    List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", ns(node)));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    processes.add(p);
    return p;
  }

  /** Our speaker: LbMain --config FILE with the test class path, small heap, quick start. */
  public Process startLb(String node, String yaml) throws IOException {
    Path cfg = stateDir.resolve(node + "-lb.yaml");
    Files.writeString(cfg, yaml);
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    return start(node, stateDir.resolve(node + "-lb.log"), List.of(javaBin.toString(), "-Xmx96m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-cp", cp, "org.masakari.lb.LbMain", "--config", cfg.toString()));
  }

  /** keepalived in the foreground (-n), VRRP only, with its own pid files as in vrrp-lab.sh. */
  public Process startKeepalived(String node, int version, String advertInt, int priority) throws IOException {
    return startKeepalived(node, version, advertInt, priority, null);
  }

  /** @param authPass v2 simple password ({@code auth_type PASS}), or null */
  public Process startKeepalived(String node, int version, String advertInt, int priority, String authPass)
      throws IOException {
    Path d = stateDir.resolve("ka-" + node);
    Files.createDirectories(d);
    String conf = "global_defs {\n  router_id " + node + "\n  vrrp_garp_master_delay 1\n}\n"
        + "vrrp_instance VI_1 {\n  state BACKUP\n  interface eth0\n  virtual_router_id 51\n  priority " + priority
        + "\n  advert_int " + advertInt + "\n  version " + version
        + (authPass == null ? "" : "\n  authentication {\n    auth_type PASS\n    auth_pass " + authPass + "\n  }")
        + "\n  virtual_ipaddress {\n    " + VIP
        + "/24 dev eth0\n  }\n}\n";
    Files.writeString(d.resolve("keepalived.conf"), conf);
    keepalivedDirs.put(node, d);
    return start(node, d.resolve("keepalived.log"), List.of("keepalived", "-n", "-l", "-D", "-P", "-f",
        d.resolve("keepalived.conf").toString(), "-p", d.resolve("keepalived.pid").toString(), "-r",
        d.resolve("vrrp.pid").toString(), "-c", d.resolve("checkers.pid").toString()));
  }

  public String keepalivedLog(String node) throws IOException {
    return Files.readString(keepalivedDirs.get(node).resolve("keepalived.log"));
  }

  public String lbLog(String node) throws IOException {
    Path p = stateDir.resolve(node + "-lb.log");
    return Files.exists(p) ? Files.readString(p) : "";
  }

  public boolean hasVip(String node) {
    return Shell.run(5, "ip", "-n", ns(node), "-4", "-o", "addr", "show", "dev", "eth0").output().contains(" " + VIP + "/");
  }

  /** The nodes currently holding the VIP. */
  public List<String> vipHolders() {
    List<String> holders = new ArrayList<>();
    for (int i = 1; i <= nodes; i++) {
      if (hasVip("n" + i)) {
        holders.add("n" + i);
      }
    }
    return holders;
  }

  public void linkDown(String node) {
    Shell.ok("ip", "-n", ns("sw"), "link", "set", "p" + node.substring(1), "down");
  }

  public void linkUp(String node) {
    Shell.ok("ip", "-n", ns("sw"), "link", "set", "p" + node.substring(1), "up");
  }

  public void removeVip(String node) {
    Shell.run(5, "ip", "-n", ns(node), "addr", "del", VIP + "/24", "dev", "eth0");
  }

  @Override
  public void close() {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(3, TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Path d : keepalivedDirs.values()) {
      for (String f : List.of("vrrp.pid", "keepalived.pid", "checkers.pid")) {
        try {
          Path pf = d.resolve(f);
          if (Files.exists(pf)) {
            Shell.run(5, "kill", "-KILL", Files.readString(pf).trim());
          }
        } catch (IOException ignored) {
          // the pid file vanished with its process
        }
      }
    }
    for (String n : namespaces) {
      // anything left inside our uniquely named namespaces was started by this lab
      for (String pid : Shell.lines(Shell.run(5, "ip", "netns", "pids", n).output())) {
        Shell.run(5, "kill", "-KILL", pid.trim());
      }
    }
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      Shell.run(10, "ip", "netns", "del", namespaces.get(i));
    }
    namespaces.clear();
    // logs were quoted in the assertion messages already
    Shell.run(10, "rm", "-rf", stateDir.toString());
  }
}
