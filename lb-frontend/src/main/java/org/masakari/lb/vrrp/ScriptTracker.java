package org.masakari.lb.vrrp;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.masakari.lb.config.TrackScriptConfig;

/** keepalived's vrrp_script: exit 0 = success; fall/rise consecutive results flip the state. */
public final class ScriptTracker implements PriorityTracker {
  private final TrackScriptConfig config;
  private boolean healthy = true;
  private int streak;

  public ScriptTracker(TrackScriptConfig config) {
    this.config = config;
  }

  @Override
  public synchronized boolean healthy() {
    boolean ok = runOnce();
    if (ok == healthy) {
      streak = 0;
    } else if (++streak >= (ok ? config.rise() : config.fall())) {
      healthy = ok;
      streak = 0;
    }
    return healthy;
  }

  private boolean runOnce() {
    try {
      Process p = new ProcessBuilder("/bin/sh", "-c", config.script()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(config.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public int weight() {
    return config.weight();
  }

  @Override
  public String describe() {
    return "script " + config.script();
  }
}
