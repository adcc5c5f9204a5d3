package org.masakari.engine.events;

import org.masakari.core.domain.Notification;
import org.masakari.core.events.OsloPublisher;
import org.masakari.core.events.VersionedPayloads;
import org.masakari.core.queue.TransportUrl;

/**
 * {@code notification.process.start|end|error} on the message bus (contract §6), sent by
 * {@link OsloPublisher} as {@code masakari-engine:<host>}. Fixed upstream bugs: {@code process.end}
 * carries the final status (upstream: still {@code running}); the error fault names the exception class,
 * not {@code "str"}.
 */
public final class RabbitVersionedNotifier implements VersionedNotifier {
  public static final String TOPIC = OsloPublisher.TOPIC;

  private final OsloPublisher publisher;

  public RabbitVersionedNotifier(TransportUrl url, String exchange, String host) {
    this(new OsloPublisher(url, exchange, "masakari-engine:" + host));
  }

  /** Shares the engine's publisher (also used for its host.update events); closing this closes it. */
  public RabbitVersionedNotifier(OsloPublisher publisher) {
    this.publisher = publisher;
  }

  @Override
  public void processEvent(Notification n, String phase, String statusForPayload, Throwable fault) {
    boolean error = "error".equals(phase);
    publisher.publish(VersionedPayloads.message("notification.process." + phase, error,
        VersionedPayloads.notification(n, statusForPayload, fault)));
  }

  @Override
  public void close() {
    publisher.close();
  }
}
