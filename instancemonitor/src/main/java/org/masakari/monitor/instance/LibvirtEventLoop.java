package org.masakari.monitor.instance;

import org.libvirt.Connect;
import org.libvirt.Library;
import org.libvirt.LibvirtException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libvirt's default event loop, once per JVM. It must be registered before the first connection is
 * opened, or listeners register fine and never fire. Every callback of every connection runs on its
 * one thread, so callbacks only copy data and hand it off.
 */
final class LibvirtEventLoop {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtEventLoop.class);
  private static boolean started;

  private LibvirtEventLoop() {}

  static synchronized void ensureRunning() throws LibvirtException {
    if (started) {
      return;
    }
    // libvirt's default handler prints every failed call to stderr; we log what matters ourselves
    Connect.setErrorCallback((userData, error) -> { });
    Library.initEventLoop();
    Thread t = new Thread(() -> {
      try {
        Library.runEventLoop();
      } catch (LibvirtException e) {
        LOG.error("[libvirt] event loop failed; no more events will arrive", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "libvirt-event-loop");
    t.setDaemon(true);
    t.start();
    started = true;
  }
}
