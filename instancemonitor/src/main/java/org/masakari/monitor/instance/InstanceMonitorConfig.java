package org.masakari.monitor.instance;

import java.nio.file.Path;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;
import org.masakari.client.keystone.ApiOptions;
import org.masakari.client.notifier.RetryPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything instancemonitor reads: {@code [DEFAULT] hostname}, {@code [api]}, {@code [callback]
 * retry_max / retry_interval}, {@code [libvirt]}, {@code [status]}.
 */
record InstanceMonitorConfig(String hostname, ApiOptions api, RetryPolicy callbackRetry,
    LibvirtOptions libvirt, StatusOptions status) {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceMonitorConfig.class);

  static InstanceMonitorConfig load(Path file) {
    IniFile ini = IniFile.load(file);
    Section callback = ini.section("callback");
    RetryPolicy retry = new RetryPolicy(
        callback.integer("retry_max", RetryPolicy.DEFAULT_RETRY_MAX, 0, 10_000),
        callback.fractionalSeconds("retry_interval", RetryPolicy.DEFAULT_RETRY_INTERVAL.toSeconds(), 0));
    Section libvirt = ini.section(LibvirtOptions.SECTION);
    InstanceMonitorConfig c = new InstanceMonitorConfig(Hostnames.from(ini), ApiOptions.from(ini), retry,
        LibvirtOptions.from(libvirt), StatusOptions.from(ini));
    for (Section s : new Section[] {callback, libvirt}) {
      for (IniFile.Entry e : s.unknownOptions()) {
        LOG.warn("[config {}:{}] [{}] {}: unknown option ignored", file, e.line(), e.section(), e.option());
      }
    }
    return c;
  }

}
