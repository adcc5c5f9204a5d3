package org.masakari.core.queue;

import java.util.concurrent.CompletionStage;

/** The port between API (publisher) and engine (consumer): RabbitMQ, or in-process in all-in-one mode. */
public interface WorkQueue extends AutoCloseable {
  /** Completes when the queue has durably accepted the item (publisher confirm). */
  CompletionStage<Void> publish(WorkItem item);

  /** Starts delivering items to the handler; at most {@code prefetch} unacknowledged at a time. */
  void subscribe(WorkHandler handler, int prefetch);

  /** Human-readable description for logs (never includes credentials). */
  String describe();

  @Override
  void close();
}
