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
      if (Signal.handle(new Signal("HUP"), s -> reload.run()) == sun.misc.SignalHandler.SIG_IGN) {
        // started with SIGHUP ignored (nohup): the JVM keeps it ignored, reload with POST /reload instead
        LOG.warn("SIGHUP is ignored by this process (started under nohup?): use POST /reload on the admin port");
      }
    } catch (IllegalArgumentException e) {
      LOG.warn("SIGHUP reload not available: {}", e.getMessage());
    }
  }
}
