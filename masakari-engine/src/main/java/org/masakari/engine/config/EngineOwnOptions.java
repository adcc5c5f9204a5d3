package org.masakari.engine.config;

import java.time.Duration;
import org.masakari.client.config.Section;

/**
 * {@code [engine]} (ours): how engines share the work.
 *
 * @param engineId this engine's name in claims and the Quartz cluster; default {@code [DEFAULT] host}
 *     plus the process id, so two engines on one machine never share a name
 * @param maxConcurrentNotifications notifications processed at once by this engine (and the work-queue
 *     prefetch), default 8
 * @param heartbeatInterval how often a running claim is refreshed, default 10 s
 * @param claimStaleAfter a claim not refreshed for this long belongs to a dead engine and is taken
 *     over, default 60 s; must exceed 2 × heartbeatInterval
 * @param staleCheckInterval how often the stale-claim job runs, default 30 s
 * @param hostBusyRetry pause before a notification whose host is busy tries its claim again, default 2 s
 * @param hostBusyMaxWait after this long of a busy host the message is acknowledged and the
 *     notification left {@code new} for the retry job, default 1800 s
 * @param pollInitialInterval first pause of every poll; pauses double up to {@code verify_interval},
 *     default 0.25 s
 * @param jdbcJobStore Quartz on the database (clustered), default true; false = in-memory store
 */
public record EngineOwnOptions(String engineId, int maxConcurrentNotifications, Duration heartbeatInterval,
    Duration claimStaleAfter, Duration staleCheckInterval, Duration hostBusyRetry, Duration hostBusyMaxWait,
    Duration pollInitialInterval, boolean jdbcJobStore) {

  static EngineOwnOptions from(Section s, String host) {
    EngineOwnOptions o = new EngineOwnOptions(
        s.string("engine_id", host + "-" + ProcessHandle.current().pid()),
        s.integer("max_concurrent_notifications", 8, 1, 1000),
        s.fractionalSeconds("claim_heartbeat_interval", 10, 0.01),
        s.fractionalSeconds("claim_stale_after", 60, 0.05),
        s.fractionalSeconds("stale_claims_check_interval", 30, 0.05),
        s.fractionalSeconds("host_busy_retry_interval", 2, 0.01),
        s.seconds("host_busy_max_wait", 1800, 1),
        s.fractionalSeconds("poll_initial_interval", 0.25, 0.001),
        s.bool("jdbc_job_store", true));
    if (o.claimStaleAfter.compareTo(o.heartbeatInterval.multipliedBy(2)) <= 0) {
      throw s.invalid("claim_stale_after", "must be more than twice claim_heartbeat_interval ("
          + o.heartbeatInterval.toMillis() / 1000.0 + " s), or live engines would lose their claims");
    }
    return o;
  }
}
