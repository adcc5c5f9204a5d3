package org.masakari.engine.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * Quartz for the periodic jobs. With the JDBC store (default) the engines form one Quartz cluster on the
 * shared database, so each tick runs on one engine only and a dead engine's ticks move to a peer. The
 * jobs are built by us (constructor injection) through a job factory.
 */
public final class EngineScheduler implements AutoCloseable {
  static final String SCHEDULER_NAME = "MasakariEngine";

  private final Scheduler scheduler;

  public EngineScheduler(DataSource dataSource, String instanceId, boolean jdbcStore, Duration checkinInterval,
      Map<Class<? extends Job>, Job> jobs) {
    Properties p = new Properties();
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_NAME, SCHEDULER_NAME);
    p.setProperty(StdSchedulerFactory.PROP_SCHED_INSTANCE_ID, instanceId);
    p.setProperty("org.quartz.threadPool.threadCount", "2");
    p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
    if (jdbcStore) {
      // one provider name per engine: DBConnectionManager is JVM-wide and tests run two engines in one JVM
      String ds = "masakari-" + instanceId;
      DBConnectionManager.getInstance().addConnectionProvider(ds, new Provider(dataSource));
      p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
      p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
      p.setProperty("org.quartz.jobStore.dataSource", ds);
      p.setProperty("org.quartz.jobStore.isClustered", "true");
      p.setProperty("org.quartz.jobStore.clusterCheckinInterval", Long.toString(checkinInterval.toMillis()));
      p.setProperty("org.quartz.jobStore.misfireThreshold", "60000");
    } else {
      p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    }
    try {
      synchronized (SchedulerRepository.class) {
        scheduler = new StdSchedulerFactory(p).getScheduler();
        // the repository is keyed by scheduler name; all cluster members share the name, so a second
        // engine in this JVM (tests, aio) must not get this instance back
        SchedulerRepository.getInstance().remove(SCHEDULER_NAME);
      }
      scheduler.setJobFactory((bundle, s) -> {
        Job job = jobs.get(bundle.getJobDetail().getJobClass());
        if (job == null) {
          throw new SchedulerException("no instance for job " + bundle.getJobDetail().getJobClass());
        }
        return job;
      });
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot create the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  /** Registers (or replaces) a repeating job; with the JDBC store the definition is shared by the cluster. */
  public void every(Class<? extends Job> job, Duration interval, Duration firstDelay) {
    JobDetail detail = JobBuilder.newJob(job).withIdentity(job.getSimpleName(), "masakari").storeDurably().build();
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.getSimpleName(), "masakari").forJob(detail)
        .startAt(new java.util.Date(System.currentTimeMillis() + firstDelay.toMillis()))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(interval.toMillis())
            .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
        .build();
    try {
      scheduler.scheduleJob(detail, Set.of(trigger), true);
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule " + job.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  public void start() {
    try {
      scheduler.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      scheduler.shutdown(true);
    } catch (SchedulerException e) {
      // shutting down anyway
    }
  }

  private record Provider(DataSource ds) implements ConnectionProvider {
    @Override
    public Connection getConnection() throws SQLException {
      return ds.getConnection();
    }

    @Override
    public void shutdown() {
      // the pool belongs to the Database, which closes it
    }

    @Override
    public void initialize() {
      // nothing: the pool exists already
    }
  }
}
