package org.masakari.engine;

import java.util.List;
import java.util.Map;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.Database;
import org.masakari.core.events.ApiEvents;
import org.masakari.core.events.OsloPublisher;
import org.masakari.core.progress.TaskProgressStore;
import org.masakari.core.queue.WorkQueue;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.config.FlowTasks;
import org.masakari.engine.events.CompositeNotifier;
import org.masakari.engine.events.RabbitVersionedNotifier;
import org.masakari.engine.events.WebhookNotifier;
import org.masakari.engine.events.VersionedNotifier;
import org.masakari.engine.flows.FlowRunner;
import org.masakari.engine.jobs.EngineScheduler;
import org.masakari.engine.jobs.ExpireNotificationsJob;
import org.masakari.engine.jobs.ResumeStaleClaimsJob;
import org.masakari.engine.jobs.RetryUnfinishedJob;
import org.masakari.engine.nova.ComputeServiceCache;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.nova.OpenStack4jNova;
import org.masakari.engine.poll.Poller;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.processing.ClaimStore;
import org.masakari.engine.processing.NotificationDispatcher;
import org.masakari.engine.processing.NotificationProcessor;
import org.masakari.engine.tasks.HostStore;
import org.masakari.engine.tasks.TaskDependencies;
import org.masakari.engine.tasks.TaskRegistry;
import org.masakari.engine.tasks.VMoveStore;
import org.quartz.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery engine: consumes the work queue, claims notifications in the database, runs their flows
 * against Nova, and runs the periodic jobs (retry, expiry, resume of dead engines' work) through Quartz.
 * Lifecycle: {@link #start} wires and subscribes; {@link #close} stops waits at once and leaves running
 * claims for a peer or the restart to resume.
 */
public final class Engine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

  private final Waiter waiter;
  private final NotificationProcessor processor;
  private final EngineScheduler scheduler;
  private final ClaimStore claims;
  private final VersionedNotifier notifier;

  private Engine(Waiter waiter, NotificationProcessor processor, EngineScheduler scheduler, ClaimStore claims,
      VersionedNotifier notifier) {
    this.notifier = notifier;
    this.waiter = waiter;
    this.processor = processor;
    this.scheduler = scheduler;
    this.claims = claims;
  }

  /** The daemon: options from masakari.conf, Nova through OpenStack4j with the privileged user. */
  public static Engine start(MasakariConfig cfg, Database db, WorkQueue queue) {
    EngineOptions options = EngineOptions.from(cfg.ini());
    options.warnings().forEach(LOG::warn);
    if (cfg.nova().credentials().authUrl() == null) {
      LOG.warn("no Nova credentials ([DEFAULT] os_privileged_user_*): every recovery will end in error");
    }
    return start(options, db, queue, new OpenStack4jNova(cfg.nova().credentials()));
  }

  public static Engine start(EngineOptions options, Database db, WorkQueue queue, NovaPort nova) {
    Waiter waiter = new Waiter();
    Poller poller = new Poller(waiter, options.engine().pollInitialInterval());
    OsloPublisher publisher = options.notifications().enabled()
        ? new OsloPublisher(options.notifications().transportUrl().orElseThrow(), options.notifications().exchange(),
            "masakari-engine:" + options.host())
        : null;
    HostStore hosts = new HostStore(db.tx(), publisher == null ? ApiEvents.none() : ApiEvents.bus(publisher));
    ComputeServiceCache services = new ComputeServiceCache(nova);
    TaskDependencies deps = new TaskDependencies(nova, options, poller, new VMoveStore(db.tx()), hosts, services);
    TaskRegistry registry = new TaskRegistry(deps);
    for (FlowTasks f : List.of(options.flows().hostAuto(), options.flows().hostReservedHost(),
        options.flows().instance(), options.flows().process())) {
      // fail at start-up, not at the first failure of a host
      f.ordered().forEach(name -> {
        if (!registry.has(name)) {
          throw new IllegalArgumentException("[taskflow_driver_recovery_flows] unknown task '" + name + "'");
        }
      });
    }
    FlowRunner runner = new FlowRunner(registry, new TaskProgressStore(db.tx()));
    ClaimStore claims = new ClaimStore(db.tx(), options.engine().engineId(), options.engine().claimStaleAfter());
    List<VersionedNotifier> sinks = new java.util.ArrayList<>();
    if (publisher != null) {
      sinks.add(new RabbitVersionedNotifier(publisher));
    }
    if (!options.webhooks().urls().isEmpty()) {
      sinks.add(new WebhookNotifier(options.webhooks()));
    }
    VersionedNotifier notifier = new CompositeNotifier(sinks);
    NotificationProcessor processor = new NotificationProcessor(claims,
        new NotificationDispatcher(db.tx(), hosts, options, runner), options.engine(), waiter, notifier);
    var t = options.timing();
    Map<Class<? extends Job>, Job> jobs = Map.of(
        RetryUnfinishedJob.class, new RetryUnfinishedJob(claims, processor, t.retryNewAfter()),
        ExpireNotificationsJob.class, new ExpireNotificationsJob(claims, t.expiredAfter(), notifier),
        ResumeStaleClaimsJob.class, new ResumeStaleClaimsJob(claims, processor));
    EngineScheduler scheduler = new EngineScheduler(db.dataSource(), options.engine().engineId(),
        options.engine().jdbcJobStore(), options.engine().heartbeatInterval(), jobs);
    scheduler.every(RetryUnfinishedJob.class, t.unfinishedInterval(), t.unfinishedInterval());
    scheduler.every(ExpireNotificationsJob.class, t.expiryCheckInterval(), t.expiryCheckInterval());
    scheduler.every(ResumeStaleClaimsJob.class, options.engine().staleCheckInterval(), options.engine().staleCheckInterval());
    scheduler.start();
    // twice the concurrency: a message whose host is busy waits unacked (retried on a timer, holding no
    // worker), and as many such messages as workers must not stop other hosts' notifications from arriving
    queue.subscribe(processor, 2 * options.engine().maxConcurrentNotifications());
    java.util.concurrent.CompletableFuture.runAsync(() -> {
      nova.warmUp();
      services.load();
    }).exceptionally(e -> {
      LOG.warn("Keystone/Nova not reachable yet ({}); will authenticate at the first recovery", e.toString());
      return null;
    });
    LOG.info("engine {} consuming {} ({} notifications at a time, {} evacuations in parallel, force-down {})",
        options.engine().engineId(), queue.describe(), options.engine().maxConcurrentNotifications(),
        t.recoveryThreads(), options.hostFailure().forceDownCompute() ? "on" : "off");
    return new Engine(waiter, processor, scheduler, claims, notifier);
  }

  public String id() {
    return claims.engineId();
  }

  /** Notifications this engine brought to an outcome since start. */
  public long processedCount() {
    return processor.processedCount();
  }

  @Override
  public void close() {
    waiter.stop();
    scheduler.close();
    processor.close();
    notifier.close();
    LOG.info("engine {} stopped", claims.engineId());
  }
}
