package org.masakari.engine.jobs;

import org.masakari.engine.processing.ClaimStore;
import org.masakari.engine.processing.NotificationProcessor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ours: a {@code running} notification whose engine stopped heart-beating is resumed by whichever engine
 * runs this job — nothing stays {@code running} forever (upstream LP#1996835).
 */
@DisallowConcurrentExecution
public final class ResumeStaleClaimsJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(ResumeStaleClaimsJob.class);

  private final ClaimStore claims;
  private final NotificationProcessor processor;

  public ResumeStaleClaimsJob(ClaimStore claims, NotificationProcessor processor) {
    this.claims = claims;
    this.processor = processor;
  }

  @Override
  public void execute(JobExecutionContext context) {
    var stale = claims.staleClaims(RetryUnfinishedJob.BATCH);
    for (var item : stale) {
      LOG.warn("[notification={}] [host={}] its engine stopped heart-beating; resuming", item.notificationUuid(),
          item.sourceHostUuid());
      processor.submit(item);
    }
  }
}
