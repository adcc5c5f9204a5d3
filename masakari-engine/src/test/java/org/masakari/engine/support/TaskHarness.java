package org.masakari.engine.support;

import java.util.ArrayList;
import java.util.List;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.OpenStack4jNova;
import org.masakari.engine.poll.Poller;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.tasks.FlowContext;
import org.masakari.engine.tasks.HostStore;
import org.masakari.engine.tasks.Progress;
import org.masakari.engine.tasks.TaskDependencies;
import org.masakari.engine.tasks.VMoveStore;

/** One task under test: WireMock Nova, an H2 database with a segment and a failed host, recorded progress. */
public final class TaskHarness implements AutoCloseable {
  public final NovaStub nova = new NovaStub();
  public final TestDb db = TestDb.h2();
  public final String segment;
  public final String hostUuid;
  public String notification;
  public final List<String> messages = new ArrayList<>();
  public final List<Double> progress = new ArrayList<>();
  private final Waiter waiter = new Waiter();
  public TaskDependencies deps;

  /** Shared by the tests of one class (database and WireMock start once); {@link #reset} per test. */
  public TaskHarness() {
    segment = db.segment("seg-" + System.nanoTime(), RecoveryMethod.AUTO, true);
    hostUuid = db.host(segment, "h1", false);
  }

  /** A fresh notification, no stubs but Keystone, no recorded progress, these options. */
  public TaskHarness reset(EngineOptions options) {
    nova.reset();
    messages.clear();
    progress.clear();
    notification = db.notification(hostUuid, org.masakari.core.domain.NotificationType.COMPUTE_HOST,
        "{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}",
        org.masakari.core.domain.NotificationStatus.RUNNING);
    deps = new TaskDependencies(new OpenStack4jNova(nova.credentials()), options,
        new Poller(waiter, options.engine().pollInitialInterval()), new VMoveStore(db.db().tx()),
        new HostStore(db.db().tx()));
    return this;
  }

  public FlowContext hostContext() {
    return new FlowContext(notification, hostUuid, "h1", segment, null, null, List.of(), null);
  }

  public FlowContext instanceContext(String instanceUuid) {
    return new FlowContext(notification, hostUuid, "h1", segment, instanceUuid, null, List.of(), null);
  }

  public FlowContext processContext() {
    return new FlowContext(notification, hostUuid, "h1", segment, null, "nova-compute", List.of(), null);
  }

  public Progress progress() {
    return (m, p) -> {
      messages.add(m);
      progress.add(p);
    };
  }

  @Override
  public void close() {
    waiter.stop();
    nova.close();
    db.close();
  }
}
