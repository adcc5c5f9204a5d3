package org.masakari.engine.events;

import java.util.List;
import java.util.function.Consumer;
import org.masakari.core.domain.Notification;

/** Every configured event sink, each isolated from the others' failures. */
public record CompositeNotifier(List<VersionedNotifier> sinks) implements VersionedNotifier {
  public CompositeNotifier {
    sinks = List.copyOf(sinks);
  }

  @Override
  public void processEvent(Notification n, String phase, String statusForPayload, Throwable fault) {
    each(s -> s.processEvent(n, phase, statusForPayload, fault));
  }

  @Override
  public void settled(Notification n, String previous, String status, String message) {
    each(s -> s.settled(n, previous, status, message));
  }

  @Override
  public void statusChanged(Notification n, String previous, String status, String message) {
    each(s -> s.statusChanged(n, previous, status, message));
  }

  private void each(Consumer<VersionedNotifier> event) {
    for (VersionedNotifier s : sinks) {
      try {
        event.accept(s);
      } catch (RuntimeException e) {
        org.slf4j.LoggerFactory.getLogger(CompositeNotifier.class).warn("event sink failed: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    sinks.forEach(VersionedNotifier::close);
  }
}
