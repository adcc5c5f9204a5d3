package org.masakari.sim.cloud;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the simulated cloud. Nova's own options keep Nova's names and defaults
 * ({@code service_down_time} 60 s, {@code report_interval} 10 s); the transition delays stand in
 * for the time a real hypervisor takes.
 *
 * @param serviceDownTime a service without a heartbeat for longer than this is reported down
 * @param reportInterval how often a live compute service heartbeats (shown in {@code updated_at})
 * @param buildDelay BUILD to ACTIVE after create
 * @param rebuildDelay task_state {@code rebuilding} to ACTIVE on the new host after an evacuate
 * @param powerOffDelay task_state {@code powering-off} to SHUTOFF after os-stop
 * @param powerOnDelay task_state {@code powering-on} to ACTIVE after os-start
 * @param hostCleanupDelay after a failed host recovers, its {@code done} evacuation migrations
 *     become {@code completed} after this (real Nova: when the restarted compute cleans up)
 */
public record CloudSettings(
    Duration serviceDownTime,
    Duration reportInterval,
    Duration buildDelay,
    Duration rebuildDelay,
    Duration powerOffDelay,
    Duration powerOnDelay,
    Duration hostCleanupDelay) {

  public static final Duration DEFAULT_SERVICE_DOWN_TIME = Duration.ofSeconds(60);
  public static final Duration DEFAULT_REPORT_INTERVAL = Duration.ofSeconds(10);
  public static final Duration DEFAULT_BUILD_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_REBUILD_DELAY = Duration.ofSeconds(2);
  public static final Duration DEFAULT_POWER_OFF_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_POWER_ON_DELAY = Duration.ofMillis(500);
  public static final Duration DEFAULT_HOST_CLEANUP_DELAY = Duration.ofSeconds(4);

  public CloudSettings {
    requirePositive("service_down_time", serviceDownTime);
    requirePositive("report_interval", reportInterval);
    requireNotNegative("build_delay", buildDelay);
    requireNotNegative("rebuild_delay", rebuildDelay);
    requireNotNegative("power_off_delay", powerOffDelay);
    requireNotNegative("power_on_delay", powerOnDelay);
    requireNotNegative("host_cleanup_delay", hostCleanupDelay);
  }

  public static CloudSettings defaults() {
    return new CloudSettings(
        DEFAULT_SERVICE_DOWN_TIME,
        DEFAULT_REPORT_INTERVAL,
        DEFAULT_BUILD_DELAY,
        DEFAULT_REBUILD_DELAY,
        DEFAULT_POWER_OFF_DELAY,
        DEFAULT_POWER_ON_DELAY,
        DEFAULT_HOST_CLEANUP_DELAY);
  }

  public CloudSettings withServiceDownTime(Duration d) {
    return new CloudSettings(d, reportInterval, buildDelay, rebuildDelay, powerOffDelay, powerOnDelay, hostCleanupDelay);
  }

  public CloudSettings withBuildDelay(Duration d) {
    return new CloudSettings(serviceDownTime, reportInterval, d, rebuildDelay, powerOffDelay, powerOnDelay, hostCleanupDelay);
  }

  public CloudSettings withRebuildDelay(Duration d) {
    return new CloudSettings(serviceDownTime, reportInterval, buildDelay, d, powerOffDelay, powerOnDelay, hostCleanupDelay);
  }

  public CloudSettings withPowerDelays(Duration off, Duration on) {
    return new CloudSettings(serviceDownTime, reportInterval, buildDelay, rebuildDelay, off, on, hostCleanupDelay);
  }

  public CloudSettings withHostCleanupDelay(Duration d) {
    return new CloudSettings(serviceDownTime, reportInterval, buildDelay, rebuildDelay, powerOffDelay, powerOnDelay, d);
  }

  private static void requirePositive(String option, Duration d) {
    Objects.requireNonNull(d, option);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(option + " must be positive, got " + d);
    }
  }

  private static void requireNotNegative(String option, Duration d) {
    Objects.requireNonNull(d, option);
    if (d.isNegative()) {
      throw new IllegalArgumentException(option + " must not be negative, got " + d);
    }
  }
}
