package org.masakari.lb;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** SIGHUP reloads the configuration, as operators expect from keepalived and HAProxy. */
final class SighupReload {
  private static final Logger LOG = LoggerFactory.getLogger(SighupReload.class);

  private SighupReload() {}

  static void install(Runnable reload) {
    try {
      Signal.handle(new Signal("HUP"), s -> reload.run());
    } catch (IllegalArgumentException e) {
      LOG.warn("SIGHUP reload not available: {}", e.getMessage());
    }
  }
}
