package org.masakari.sim.cloud;

import java.time.Duration;

/** Runs a state transition later, without blocking the caller (Vert.x timers in production). */
@FunctionalInterface
public interface Scheduler {
  void after(Duration delay, Runnable transition);
}
