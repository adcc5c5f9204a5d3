package org.masakari.monitor.instance;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Filters events and sends VM notifications. Events and resyncs run on one thread in arrival order,
 * which keeps the state tracker consistent without locks; sends are asynchronous in the notifier.
 */
final class InstanceEventHandler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(InstanceEventHandler.class);

  private final String hostname;
  private final MasakariNotifier notifier;
  private final Clock clock;
  private final InstanceMonitorMetrics metrics;
  private final DomainStateTracker tracker = new DomainStateTracker();
  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "instancemonitor-events");
    t.setDaemon(true);
    return t;
  });

  InstanceEventHandler(String hostname, MasakariNotifier notifier, Clock clock, InstanceMonitorMetrics metrics) {
    this.hostname = hostname;
    this.notifier = notifier;
    this.clock = clock;
    this.metrics = metrics;
  }

  /** Called on libvirt's event-loop thread: only queues. */
  void onEvent(DomainEvent e) {
    thread.execute(() -> handle(e));
  }

  private void handle(DomainEvent e) {
    metrics.eventReceived();
    boolean fresh = tracker.onEvent(e);
    EventFilter.filter(e).ifPresentOrElse(f -> {
      if (!fresh) {
        LOG.info("[instance={}] {} {} already reported by the resync after reconnecting", e.uuid(),
            f.event(), f.virDomainEvent());
        return;
      }
      LOG.info("[instance={}] {} {} (event id {} type {} detail {})", e.uuid(), f.event(),
          f.virDomainEvent(), e.eventId(), e.type(), e.detail());
      metrics.eventReported();
      notifier.send(Notification.vmEvent(hostname, e.receivedAt(), f.event(), UUID.fromString(e.uuid()),
          f.virDomainEvent()));
    }, () -> LOG.debug("[instance={}] ignored event id {} type {} detail {}", e.uuid(), e.eventId(),
        e.type(), e.detail()));
  }

  /** After every (re)connect: report domains that stopped while we could not see events. */
  CompletableFuture<Void> resync(List<DomainState> states, boolean firstSight) {
    return CompletableFuture.runAsync(() -> {
      for (DomainStateTracker.Missed m : tracker.resync(states, firstSight)) {
        LOG.warn("[instance={}] stopped while libvirt events were not visible: {} {}", m.uuid(),
            m.event().event(), m.event().virDomainEvent());
        metrics.missedStopReported();
        notifier.send(Notification.vmEvent(hostname, GeneratedTime.now(clock), m.event().event(),
            UUID.fromString(m.uuid()), m.event().virDomainEvent()));
      }
      LOG.info("[libvirt] resync: {} domains, {} active", states.size(),
          states.stream().filter(DomainState::active).count());
    }, thread);
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
