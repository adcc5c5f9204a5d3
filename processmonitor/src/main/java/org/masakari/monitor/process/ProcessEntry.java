package org.masakari.monitor.process;

import java.util.Optional;

/** One entry of process_list.yaml, upstream's eight keys. */
record ProcessEntry(
    String processName,
    String startCommand,
    Optional<String> preStartCommand,
    Optional<String> postStartCommand,
    String restartCommand,
    Optional<String> preRestartCommand,
    Optional<String> postRestartCommand,
    boolean runAsRoot) {

  /** For log lines: {@code [process=/usr/sbin/libvirtd]}. */
  String tag() {
    return "[process=" + processName + "]";
  }
}
