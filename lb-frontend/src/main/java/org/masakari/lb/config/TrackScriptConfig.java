package org.masakari.lb.config;

import java.time.Duration;

/** keepalived's vrrp_script: run {@code script} every {@code interval}; weight < 0 lowers priority on failure, > 0 raises it on success, 0 = FAULT. */
public record TrackScriptConfig(String script, Duration interval, Duration timeout, int fall, int rise, int weight) {
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
  public static final int DEFAULT_FALL = 1;
  public static final int DEFAULT_RISE = 1;

  static TrackScriptConfig read(Section s) {
    s.allowOnly("script", "interval", "timeout", "fall", "rise", "weight");
    Duration interval = s.duration("interval", DEFAULT_INTERVAL, "s", Duration.ofMillis(10), Duration.ofHours(1));
    return new TrackScriptConfig(s.requiredString("script"), interval,
        s.duration("timeout", interval, "s", Duration.ofMillis(10), Duration.ofHours(1)),
        s.integer("fall", DEFAULT_FALL, 1, 1000), s.integer("rise", DEFAULT_RISE, 1, 1000), s.integer("weight", 0, -253, 253));
  }
}
