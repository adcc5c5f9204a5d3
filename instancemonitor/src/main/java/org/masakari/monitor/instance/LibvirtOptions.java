package org.masakari.monitor.instance;

import java.time.Duration;
import org.masakari.client.config.Section;

/**
 * {@code [libvirt]}: upstream's {@code connection_uri}, plus our {@code max_backoff} (cap of the
 * reconnect back-off) and {@code open_timeout} (a hung libvirtd accepts but never answers).
 */
record LibvirtOptions(String connectionUri, Duration maxBackoff, Duration openTimeout) {
  static final String SECTION = "libvirt";
  static final String DEFAULT_URI = "qemu:///system";
  static final double DEFAULT_MAX_BACKOFF_S = 30;
  static final double DEFAULT_OPEN_TIMEOUT_S = 30;

  static LibvirtOptions from(Section s) {
    return new LibvirtOptions(s.string("connection_uri", DEFAULT_URI),
        s.fractionalSeconds("max_backoff", DEFAULT_MAX_BACKOFF_S, 1),
        s.fractionalSeconds("open_timeout", DEFAULT_OPEN_TIMEOUT_S, 1));
  }
}
