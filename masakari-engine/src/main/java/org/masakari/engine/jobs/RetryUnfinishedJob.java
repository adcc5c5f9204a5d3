package org.masakari.engine.jobs;

import java.time.Duration;
import org.masakari.engine.processing.ClaimStore;
import org.masakari.engine.processing.NotificationProcessor;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upstream's {@code _process_unfinished_notifications}: every {@code error} notification (its one
 * retry; a second error makes it failed) and every {@code new} one older than
 * {@code retry_notification_new_status_interval} (its message was lost) goes through the normal claim.
 */
@DisallowConcurrentExecution
public final class RetryUnfinishedJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(RetryUnfinishedJob.class);
  static final int BATCH = 500;

  private final ClaimStore claims;
  private final NotificationProcessor processor;
  private final Duration retryNewAfter;

  public RetryUnfinishedJob(ClaimStore claims, NotificationProcessor processor, Duration retryNewAfter) {
    this.claims = claims;
    this.processor = processor;
    this.retryNewAfter = retryNewAfter;
  }

  @Override
  public void execute(JobExecutionContext context) {
    var items = claims.unfinished(retryNewAfter, BATCH);
    if (!items.isEmpty()) {
      LOG.info("retrying {} unfinished notifications", items.size());
    }
    items.forEach(processor::submit);
  }
}
