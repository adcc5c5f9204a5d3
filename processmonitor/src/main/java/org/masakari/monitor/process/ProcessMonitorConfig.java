package org.masakari.monitor.process;

import java.nio.file.Path;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;
import org.masakari.client.keystone.ApiOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Everything processmonitor reads from masakarimonitors.conf, validated at once. */
record ProcessMonitorConfig(String hostname, ApiOptions api, ProcessOptions process, StatusOptions status) {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessMonitorConfig.class);

  static ProcessMonitorConfig load(Path file) {
    IniFile ini = IniFile.load(file);
    Section processSection = ini.section(ProcessOptions.SECTION);
    ProcessMonitorConfig c = new ProcessMonitorConfig(Hostnames.from(ini), ApiOptions.from(ini),
        ProcessOptions.from(processSection), StatusOptions.from(ini));
    // only our own section warns: the file is shared with the other monitors
    for (IniFile.Entry e : processSection.unknownOptions()) {
      LOG.warn("[config {}:{}] [{}] {}: unknown option ignored", file, e.line(), e.section(), e.option());
    }
    return c;
  }
}
