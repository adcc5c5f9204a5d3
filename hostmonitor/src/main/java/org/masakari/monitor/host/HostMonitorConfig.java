package org.masakari.monitor.host;

import java.nio.file.Path;
import java.util.Optional;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;
import org.masakari.client.keystone.ApiOptions;
import org.masakari.monitor.host.heartbeat.HeartbeatOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything hostmonitor reads from masakarimonitors.conf, validated at once. */
record HostMonitorConfig(String hostname, ApiOptions api, HostOptions host, Optional<HeartbeatOptions> heartbeat,
    StatusOptions status) {
  private static final Logger LOG = LoggerFactory.getLogger(HostMonitorConfig.class);

  static HostMonitorConfig load(Path file) {
    IniFile ini = IniFile.load(file);
    String hostname = Hostnames.from(ini);
    Section hostSection = ini.section(HostOptions.SECTION);
    HostOptions host = HostOptions.from(hostSection);
    if (host.monitoringDriver().equals("consul") || host.monitoringDriver().equals("kubernetes")) {
      throw hostSection.invalid("monitoring_driver", "'" + host.monitoringDriver()
          + "' is not implemented by this hostmonitor; use default (pacemaker) or heartbeat");
    }
    Optional<HeartbeatOptions> hb = Optional.empty();
    Section hbSection = ini.section(HeartbeatOptions.SECTION);
    if (host.monitoringDriver().equals("heartbeat")) {
      hb = Optional.of(HeartbeatOptions.from(hbSection, hostname));
    }
    HostMonitorConfig c = new HostMonitorConfig(hostname, ApiOptions.from(ini), host, hb, StatusOptions.from(ini));
    for (IniFile.Entry e : hostSection.unknownOptions()) {
      LOG.warn("[config {}:{}] [{}] {}: unknown option ignored", file, e.line(), e.section(), e.option());
    }
    return c;
  }
}
