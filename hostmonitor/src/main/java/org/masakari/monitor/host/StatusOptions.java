package org.masakari.monitor.host;

import java.net.InetSocketAddress;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;

/**
 * Our own {@code [status]} section (upstream has no metrics endpoint): where /metrics and /healthz
 * listen. Each monitor has its own port option because all share one masakarimonitors.conf.
 * Port 0 picks a free port (logged at start-up).
 */
record StatusOptions(InetSocketAddress address) {
  static final String SECTION = "status";
  static final String PORT_OPTION = "hostmonitor_port";
  static final int DEFAULT_PORT = 9723;

  static StatusOptions from(IniFile ini) {
    Section s = ini.section(SECTION).accept("processmonitor_port", "instancemonitor_port");
    String bind = s.string("bind_address", "127.0.0.1");
    int port = s.integer(PORT_OPTION, DEFAULT_PORT, 0, 65535);
    return new StatusOptions(new InetSocketAddress(bind, port));
  }
}
