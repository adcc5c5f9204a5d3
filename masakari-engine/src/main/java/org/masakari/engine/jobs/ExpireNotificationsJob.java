package org.masakari.engine.jobs;

import java.time.Duration;
import org.masakari.engine.events.VersionedNotifier;
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
  private final VersionedNotifier notifier;

  public ExpireNotificationsJob(ClaimStore claims, Duration expiredAfter, VersionedNotifier notifier) {
    this.claims = claims;
    this.expiredAfter = expiredAfter;
    this.notifier = notifier;
  }

  @Override
  public void execute(JobExecutionContext context) {
    var expired = claims.expire(expiredAfter);
    for (ClaimStore.Expired e : expired) {
      LOG.info("[notification={}] [host={}] expired: {} -> failed", e.notification().getNotificationUuid(),
          e.notification().getSourceHostUuid(), e.previousStatus());
      notifier.statusChanged(e.notification(), e.previousStatus(), "failed", "expired");
    }
  }
}
