package org.masakari.core.runtime;

import java.util.List;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.Database;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.core.nova.ComputeServiceDirectory;
import org.masakari.core.nova.OpenStack4jComputeDirectory;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.OutboxRelay;
import org.masakari.core.queue.RabbitWorkQueue;
import org.masakari.core.queue.WorkQueue;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.events.OsloPublisher;
import org.masakari.core.events.StatusWebhooks;
import org.masakari.core.config.WebhookOptions;
import org.masakari.core.service.HostService;
import org.masakari.core.service.NotificationService;
import org.masakari.core.service.SegmentService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What API and engine share at run time, built from the configuration: the database (migrated or
 * checked), the work queue, the outbox relay, the Nova host directory and the domain services.
 */
public final class CoreRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CoreRuntime.class);

  private final Database database;
  private final WorkQueue queue;
  private final OutboxRelay relay;
  private final ComputeServiceDirectory computeDirectory;
  private final SegmentService segments;
  private final HostService hosts;
  private final NotificationService notifications;
  private final OsloPublisher publisher;
  private final StatusWebhooks webhooks;

  private CoreRuntime(Database database, WorkQueue queue, OutboxRelay relay, ComputeServiceDirectory directory,
      MasakariConfig cfg) {
    this.database = database;
    this.queue = queue;
    this.relay = relay;
    this.computeDirectory = directory;
    var n = cfg.notifications();
    this.publisher = n.enabled() ? new OsloPublisher(n.transportUrl().orElseThrow(), n.exchange(),
        "masakari-api:" + cfg.host()) : null;
    ApiEvents events = publisher == null ? ApiEvents.none() : ApiEvents.bus(publisher);
    this.webhooks = StatusWebhooks.of(WebhookOptions.from(cfg.ini().section("webhooks")));
    this.segments = new SegmentService(database.tx(), events);
    this.hosts = new HostService(database.tx(), directory, events);
    this.notifications = new NotificationService(database.tx(), relay, cfg.api().duplicateWindow(), events);
  }

  /** Options that differ between the production daemons and the all-in-one mode. */
  public record Mode(DatabaseUrl databaseUrl, boolean migrate, WorkQueue queueOverride,
      ComputeServiceDirectory directoryOverride, List<Class<?>> extraEntities) {}

  public static CoreRuntime start(MasakariConfig cfg, Mode mode) {
    return start(cfg, mode, false);
  }

  /**
   * As {@link #start(MasakariConfig, Mode)}, but returns before the schema is migrated: migration and the
   * Hibernate bootstrap run in the background and every database call waits for them ({@link #awaitReady}).
   * The all-in-one uses it to listen (GET /) while the database is still starting.
   */
  public static CoreRuntime startDeferred(MasakariConfig cfg, Mode mode) {
    return start(cfg, mode, true);
  }

  private static CoreRuntime start(MasakariConfig cfg, Mode mode, boolean deferred) {
    cfg.warnings().forEach(LOG::warn);
    DatabaseUrl url = mode.databaseUrl() != null ? mode.databaseUrl()
        : cfg.database().connection().orElseThrow(() -> new IllegalStateException(
            "[database] connection is not set (required outside all-in-one mode)"));
    Database db = new Database(url, cfg.database().maxPoolSize(), mode.extraEntities());
    // the session factory needs no database access: build it while the schema is migrated or checked
    var factory = db.buildSessionFactoryInBackground();
    if (deferred) {
      java.util.concurrent.CompletableFuture<Void> schema = new java.util.concurrent.CompletableFuture<>();
      Thread t = new Thread(() -> {
        try {
          migrateOrCheck(db, mode);
          schema.complete(null);
        } catch (RuntimeException e) {
          LOG.error("database start-up failed: {}", e.getMessage());
          schema.completeExceptionally(e);
        }
      }, "db-migrate");
      t.setDaemon(true);
      t.start();
      db.deferReadiness(schema.thenCombine(factory, (a, b) -> b));
    } else {
      try {
        migrateOrCheck(db, mode);
        db.sessionFactory();
      } catch (RuntimeException e) {
        db.close();
        throw e;
      }
    }
    WorkQueue queue = mode.queueOverride();
    if (queue == null) {
      if (cfg.messaging().transportUrl().isPresent()) {
        queue = new RabbitWorkQueue(cfg.messaging().transportUrl().get(), cfg.messaging().queueName()).start();
      } else {
        LOG.warn("no [DEFAULT] transport_url: using the in-process work queue; a separate engine will pick up"
            + " new notifications only through its periodic retry");
        queue = new InProcessWorkQueue();
      }
    }
    LOG.info("work queue: {}", queue.describe());
    OutboxRelay relay = new OutboxRelay(db.tx(), queue, cfg.messaging().outboxSweep(), cfg.messaging().outboxSweep());
    relay.start();
    ComputeServiceDirectory dir = mode.directoryOverride();
    if (dir == null) {
      if (cfg.nova().hostCheck()) {
        dir = new OpenStack4jComputeDirectory(cfg.nova().credentials());
        LOG.info("host names are checked against Nova nova-compute services via {}", cfg.nova().credentials().authUrl());
      } else {
        LOG.warn("nova_compute_host_check = false: host names are NOT checked against Nova's compute services");
        dir = ComputeServiceDirectory.acceptAll();
      }
    }
    return new CoreRuntime(db, queue, relay, dir, cfg);
  }

  private static void migrateOrCheck(Database db, Mode mode) {
    if (mode.migrate()) {
      db.migrate();
    } else {
      db.requireCurrentSchema();
    }
  }

  /** Waits until the database is migrated and the session factory built; fails start-up if either failed. */
  public void awaitReady() {
    database.awaitReady();
  }

  public Database database() {
    return database;
  }

  public WorkQueue queue() {
    return queue;
  }

  public OutboxRelay relay() {
    return relay;
  }

  public ComputeServiceDirectory computeDirectory() {
    return computeDirectory;
  }

  public SegmentService segments() {
    return segments;
  }

  public HostService hosts() {
    return hosts;
  }

  /** {@code [webhooks]} for status changes made through the API (operator actions), or null when none. */
  public StatusWebhooks webhooks() {
    return webhooks;
  }

  public NotificationService notifications() {
    return notifications;
  }

  @Override
  public void close() {
    if (webhooks != null) {
      webhooks.close();
    }
    if (publisher != null) {
      publisher.close();
    }
    relay.close();
    queue.close();
    database.close();
  }
}
