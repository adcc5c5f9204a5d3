package org.masakari.engine.jobs;

import java.time.Duration;
import org.masakari.engine.processing.ClaimStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Upstream's {@code _check_expired_notifications}: open notifications older than {@code notifications_expired_interval} fail. */
@DisallowConcurrentExecution
public final class ExpireNotificationsJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ExpireNotificationsJob.class);

  private final ClaimStore claims;
  private final Duration expiredAfter;

  public ExpireNotificationsJob(ClaimStore claims, Duration expiredAfter) {
    this.claims = claims;
    this.expiredAfter = expiredAfter;
  }

  @Override
  public void execute(JobExecutionContext context) {
    int n = claims.expire(expiredAfter);
    if (n > 0) {
      LOG.info("{} notifications expired to failed", n);
    }
  }
}
