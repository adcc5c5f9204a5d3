package org.masakari.core.queue;

import java.util.concurrent.CompletionStage;

/**
 * Consumer side of the work queue. The message is acknowledged when the returned stage completes
 * normally (the outcome is committed) and redelivered when it completes exceptionally.
 */
@FunctionalInterface
public interface WorkHandler {
  CompletionStage<Void> handle(WorkItem item);
}
