package org.masakari.core.config;

import java.time.Duration;
import java.util.Optional;
import org.masakari.client.config.Section;
import org.masakari.core.queue.TransportUrl;

/**
 * The work queue: {@code [DEFAULT] transport_url} (rabbit://...). Without it the API uses the
 * in-process queue (all-in-one) or, when API and engine run apart, only the outbox, which the
 * engine's periodic pick-up of stale {@code new} notifications still covers.
 *
 * @param outboxSweep {@code [DEFAULT] outbox_sweep_interval} (ours), default 10 s: how often rows
 *     the queue did not confirm are republished
 */
public record MessagingOptions(Optional<TransportUrl> transportUrl, String queueName, Duration outboxSweep) {
  static MessagingOptions from(Section d, Section rabbit, Section ours) {
    Optional<TransportUrl> url = d.optString("transport_url").map(u -> {
      try {
        return TransportUrl.parse(u);
      } catch (IllegalArgumentException e) {
        throw d.invalid("transport_url", e.getMessage());
      }
    });
    String queue = ours.string("work_queue_name", "masakari.notifications");
    Duration sweep = d.seconds("outbox_sweep_interval", 10, 1);
    rabbit.accept("rabbit_quorum_queue", "rabbit_ha_queues", "amqp_durable_queues", "heartbeat_timeout_threshold",
        "rabbit_retry_interval", "rabbit_retry_backoff", "ssl", "kombu_reconnect_delay", "rabbit_transient_quorum_queue",
        "rabbit_stream_fanout", "use_queue_manager", "rabbit_qos_prefetch_count", "heartbeat_rate",
        "amqp_auto_delete", "rabbit_interval_max", "direct_mandatory_flag", "enable_cancel_on_failover");
    return new MessagingOptions(url, queue, sweep);
  }
}
