package org.masakari.lb.netns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;
import org.masakari.lb.testsupport.Shell;

/** Namespace tests need root (CI runs as root); the lab tools are installed when missing. */
abstract class NetnsTestBase {
  @BeforeAll
  static void needRootAndTools() {
    assumeTrue(Shell.isRoot(), "network namespace tests need root");
    Shell.ensureInstalled("ip", "iproute2");
    Shell.ensureInstalled("keepalived", "keepalived");
  }

  static String speaker(String name, int version, String advertInt, int priority, String extra) {
    return "vrrp_instances:\n"
        + "  - name: " + name + "\n"
        + "    interface: eth0\n"
        + "    virtual_router_id: 51\n"
        + "    priority: " + priority + "\n"
        + "    advert_int: " + advertInt + "\n"
        + "    version: " + version + "\n"
        + "    virtual_ipaddress: [10.99.0.10/24]\n"
        + "    garp_master_delay: 1\n"
        + extra;
  }
}
