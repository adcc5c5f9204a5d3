package org.masakari.engine.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.progress.TaskProgressStore;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.WorkItem;
import org.masakari.engine.Engine;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.OpenStack4jNova;

/** A whole engine on H2 and the in-process queue against WireMock Nova; one per test class, engine per test. */
public final class EngineHarness implements AutoCloseable {
  private static final AtomicInteger SEQ = new AtomicInteger();
  public final NovaStub nova = new NovaStub();
  public final TestDb db = TestDb.h2();
  public final TaskProgressStore progress = new TaskProgressStore(db.db().tx());
  private InProcessWorkQueue queue;
  private Engine engine;

  public Engine start(EngineOptions options) {
    stopEngine();
    nova.reset();
    queue = new InProcessWorkQueue();
    engine = Engine.start(options, db.db(), queue, new OpenStack4jNova(nova.credentials()));
    return engine;
  }

  public static String unique(String prefix) {
    return prefix + "-" + SEQ.incrementAndGet();
  }

  public String notify(String hostUuid, NotificationType type, String payload) {
    String uuid = db.notification(hostUuid, type, payload, NotificationStatus.NEW);
    publish(uuid, hostUuid, type);
    return uuid;
  }

  public void publish(String uuid, String hostUuid, NotificationType type) {
    queue.publish(new WorkItem(uuid, hostUuid, type.name()));
  }

  /** Waits until the engine has stored an outcome (error included). */
  public NotificationStatus awaitEnd(String uuid) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> db.status(uuid) != NotificationStatus.NEW && db.status(uuid) != NotificationStatus.RUNNING);
    return db.status(uuid);
  }

  public static String hostDown() {
    return "{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}";
  }

  private void stopEngine() {
    if (engine != null) {
      engine.close();
      queue.close();
    }
  }

  @Override
  public void close() {
    stopEngine();
    nova.close();
    db.close();
  }
}
