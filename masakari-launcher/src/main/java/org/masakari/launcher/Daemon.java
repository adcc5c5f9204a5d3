package org.masakari.launcher;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks that a long-running service was started, so {@link Main} does not exit after the
 * subcommand returns; the service's own non-daemon threads keep the JVM alive until SIGTERM.
 */
public final class Daemon {
  private static final AtomicBoolean RUNNING = new AtomicBoolean();

  private Daemon() {}

  public static void started() {
    RUNNING.set(true);
  }

  static boolean isRunning() {
    return RUNNING.get();
  }
}
