package org.masakari.engine.config;

import java.time.Duration;
import org.masakari.client.config.Section;

/**
 * The engine's waits and periodic intervals, {@code [DEFAULT]} with upstream names and defaults
 * (contract §5.8). Every "wait until X within T" of a flow takes its T from here.
 *
 * @param serviceUpdateWait {@code wait_period_after_service_update} (180 s): the fixed wait after
 *     disabling a failed compute when forced-down is off; max wait for "disabled" in the process flow
 * @param evacuationWait {@code wait_period_after_evacuation} (90 s): per-instance evacuation confirmation
 * @param verifyInterval {@code verify_interval} (1 s): the longest pause between two polls; polls start
 *     at {@code [engine] poll_initial_interval} and back off up to this value
 * @param powerOffWait {@code wait_period_after_power_off} (180 s)
 * @param powerOnWait {@code wait_period_after_power_on} (60 s)
 * @param unfinishedInterval {@code process_unfinished_notifications_interval} (120 s): retry job spacing
 * @param retryNewAfter {@code retry_notification_new_status_interval} (60 s): age of a {@code new}
 *     notification before the retry job picks it up
 * @param expiryCheckInterval {@code check_expired_notifications_interval} (600 s)
 * @param expiredAfter {@code notifications_expired_interval} (86400 s)
 * @param recoveryThreads {@code host_failure_recovery_threads}: parallel evacuations; our default is 10
 *     (upstream 3)
 */
public record TimingOptions(Duration serviceUpdateWait, Duration evacuationWait, Duration verifyInterval,
    Duration powerOffWait, Duration powerOnWait, Duration unfinishedInterval, Duration retryNewAfter,
    Duration expiryCheckInterval, Duration expiredAfter, int recoveryThreads) {
  public static final int DEFAULT_RECOVERY_THREADS = 10;

  static TimingOptions from(Section d) {
    return new TimingOptions(
        d.seconds("wait_period_after_service_update", 180, 0),
        d.seconds("wait_period_after_evacuation", 90, 1),
        d.fractionalSeconds("verify_interval", 1, 0.001),
        d.seconds("wait_period_after_power_off", 180, 1),
        d.seconds("wait_period_after_power_on", 60, 1),
        d.seconds("process_unfinished_notifications_interval", 120, 1),
        d.seconds("retry_notification_new_status_interval", 60, 0),
        d.seconds("check_expired_notifications_interval", 600, 1),
        d.seconds("notifications_expired_interval", 86400, 1),
        d.integer("host_failure_recovery_threads", DEFAULT_RECOVERY_THREADS, 1, 1000));
  }
}
