package org.masakari.core.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RabbitMQ work queue: a durable quorum queue, persistent messages, publisher confirms, manual acks
 * with bounded prefetch. The first connection is retried with back-off in the background; after that
 * the client's automatic recovery reconnects (with the same back-off) and re-declares the queue and
 * consumers. While disconnected, publish fails fast: the caller's outbox row stays and is swept later.
 *
 * <p>Group publishing: one message is in flight (published, not yet confirmed) at a time; items published
 * meanwhile wait and leave together, as one message holding a JSON array, when the broker confirms. A
 * quorum queue spends its CPU per message (Raft log entry, confirm, delivery, settle), about 0.7 ms on
 * this kind of machine, so under load this divides the broker's cost per notification; an item alone
 * goes out at once, as a single JSON object. Consumers read both forms; a failed item requeues its whole
 * message, and the engine's claim makes the redelivered items that already ended no-ops.
 */
public final class RabbitWorkQueue implements WorkQueue {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitWorkQueue.class);
  public static final String DEFAULT_QUEUE = "masakari.notifications";
  private static final ObjectMapper JSON =
      new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

  private final TransportUrl url;
  private final String queueName;
  private final ConnectionFactory factory;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CopyOnWriteArrayList<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final ConcurrentNavigableMap<Long, CompletableFuture<Void>> unconfirmed = new ConcurrentSkipListMap<>();
  private final Object publishLock = new Object();
  private final Thread connector;
  /** Items waiting for the message in flight to be confirmed. */
  private final java.util.concurrent.ConcurrentLinkedQueue<Pending> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
  /** True while a message is published and not yet confirmed (or a thread is publishing one). */
  private final AtomicBoolean inFlight = new AtomicBoolean();
  private final java.util.concurrent.ScheduledExecutorService publisher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "rabbit-publish");
    t.setDaemon(true);
    return t;
  });
  static final int MAX_ITEMS_PER_MESSAGE = 16;
  /**
   * Under load (the previous message left less than {@link #BUSY_WITHIN_NANOS} ago) a message waits this
   * long for company before it leaves: the broker confirms faster than a loaded API creates notifications,
   * so without it every item would still travel alone. It delays the engine's start, not the API's answer.
   */
  static final long LINGER_MICROS = 5_000;
  private static final long BUSY_WITHIN_NANOS = 10_000_000;
  private volatile long lastSentNanos = System.nanoTime() - 2 * BUSY_WITHIN_NANOS;
  private static final long CONFIRM_TIMEOUT_SECONDS = 10;
  private volatile Connection connection;
  private volatile Channel publishChannel;

  private record Subscription(WorkHandler handler, int prefetch) {}

  private record Pending(WorkItem item, CompletableFuture<Void> done) {}

  public RabbitWorkQueue(TransportUrl url, String queueName) {
    this.url = url;
    this.queueName = queueName;
    this.factory = new ConnectionFactory();
    factory.setUsername(url.user());
    factory.setPassword(url.password());
    factory.setVirtualHost(url.virtualHost());
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setRecoveryDelayHandler(attempt -> backoffMillis(attempt));
    factory.setConnectionTimeout(5000);
    factory.setRequestedHeartbeat(15);
    this.connector = new Thread(this::connectLoop, "rabbit-connect");
    connector.setDaemon(true);
  }

  static long backoffMillis(int attempt) {
    return Math.min(30_000L, 500L * (1L << Math.min(attempt, 6)));
  }

  /** Starts connecting in the background; returns at once. */
  public RabbitWorkQueue start() {
    connector.start();
    return this;
  }

  /** Waits up to the timeout for the first connection (tests, start-up diagnostics). */
  public boolean awaitConnected(long timeout, TimeUnit unit) {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (System.nanoTime() < deadline) {
      Channel ch = publishChannel;
      if (ch != null && ch.isOpen()) {
        return true;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private void connectLoop() {
    for (int attempt = 0; !closed.get(); attempt++) {
      try {
        Connection c = factory.newConnection(url.addresses(), "masakari");
        ((Recoverable) c).addRecoveryListener(new RecoveryListener() {
          @Override
          public void handleRecovery(Recoverable recoverable) {
            LOG.info("RabbitMQ connection recovered ({})", url);
          }

          @Override
          public void handleRecoveryStarted(Recoverable recoverable) {
            LOG.warn("RabbitMQ connection lost, reconnecting with back-off ({})", url);
            failUnconfirmed(new IOException("connection lost before confirm"));
          }
        });
        Channel ch = c.createChannel();
        declare(ch);
        ch.confirmSelect();
        ch.addConfirmListener((tag, multiple) -> settle(tag, multiple, null),
            (tag, multiple) -> settle(tag, multiple, new IOException("broker nacked the message")));
        connection = c;
        publishChannel = ch;
        LOG.info("connected to RabbitMQ {}, queue {}", url, queueName);
        for (Subscription s : subscriptions) {
          startConsumer(s);
        }
        return;
      } catch (Exception e) {
        long wait = backoffMillis(attempt);
        LOG.warn("cannot connect to RabbitMQ {} ({}); retrying in {} ms", url, e.toString(), wait);
        try {
          Thread.sleep(wait);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void declare(Channel ch) throws IOException {
    ch.queueDeclare(queueName, true, false, false, Map.of("x-queue-type", "quorum"));
  }

  private void settle(long tag, boolean multiple, Exception error) {
    if (multiple) {
      ConcurrentNavigableMap<Long, CompletableFuture<Void>> head = unconfirmed.headMap(tag, true);
      head.values().forEach(f -> complete(f, error));
      head.clear();
    } else {
      CompletableFuture<Void> f = unconfirmed.remove(tag);
      if (f != null) {
        complete(f, error);
      }
    }
  }

  private static void complete(CompletableFuture<Void> f, Exception error) {
    if (error == null) {
      f.complete(null);
    } else {
      f.completeExceptionally(error);
    }
  }

  private void failUnconfirmed(Exception e) {
    for (Long k : unconfirmed.keySet()) {
      CompletableFuture<Void> f = unconfirmed.remove(k);
      if (f != null) {
        f.completeExceptionally(e);
      }
    }
  }

  @Override
  public CompletionStage<Void> publish(WorkItem item) {
    Channel ch = publishChannel;
    if (closed.get() || ch == null || !ch.isOpen()) {
      return CompletableFuture.failedFuture(new IOException("RabbitMQ not connected"));
    }
    CompletableFuture<Void> f = new CompletableFuture<>();
    pending.add(new Pending(item, f));
    if (inFlight.compareAndSet(false, true)) {
      if (System.nanoTime() - lastSentNanos < BUSY_WITHIN_NANOS) {
        schedulePublish(LINGER_MICROS);
      } else {
        // quiet: this item leaves now, on the caller's thread
        publishPending();
      }
    }
    return f.orTimeout(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Runs while holding {@link #inFlight}: sends what is pending as one message, or releases the flag. */
  private void publishPending() {
    List<Pending> batch = new ArrayList<>();
    for (Pending p; batch.size() < MAX_ITEMS_PER_MESSAGE && (p = pending.poll()) != null; ) {
      batch.add(p);
    }
    if (batch.isEmpty()) {
      inFlight.set(false);
      // an item added after the poll above but before the flag was released would otherwise wait for the next
      if (!pending.isEmpty() && inFlight.compareAndSet(false, true)) {
        publishPending();
      }
      return;
    }
    CompletableFuture<Void> confirmed = new CompletableFuture<>();
    try {
      Channel ch = publishChannel;
      if (closed.get() || ch == null || !ch.isOpen()) {
        throw new IOException("RabbitMQ not connected");
      }
      byte[] body = batch.size() == 1 ? JSON.writeValueAsBytes(batch.get(0).item())
          : JSON.writeValueAsBytes(batch.stream().map(Pending::item).toList());
      AMQP.BasicProperties.Builder props = MessageProperties.PERSISTENT_TEXT_PLAIN.builder()
          .contentType("application/json");
      if (batch.size() == 1) {
        props.messageId(batch.get(0).item().notificationUuid());
      }
      synchronized (publishLock) {
        long seq = ch.getNextPublishSeqNo();
        unconfirmed.put(seq, confirmed);
        ch.basicPublish("", queueName, true, props.build(), body);
      }
      lastSentNanos = System.nanoTime();
    } catch (Exception e) {
      confirmed.completeExceptionally(e);
    }
    // a confirm that never comes must not stop publishing: the items fail and their outbox rows stay
    confirmed.orTimeout(CONFIRM_TIMEOUT_SECONDS, TimeUnit.SECONDS).whenComplete((ok, err) -> {
      for (Pending p : batch) {
        complete(p.done(), err == null ? null : err instanceof Exception ex ? ex : new IOException(err));
      }
      // items that came meanwhile have waited long enough: they leave at once
      schedulePublish(0);
    });
  }

  private void schedulePublish(long delayMicros) {
    try {
      publisher.schedule(this::publishPending, delayMicros, TimeUnit.MICROSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException closing) {
      failPending(new IOException("queue closed"));
    }
  }

  private void failPending(Exception e) {
    for (Pending p; (p = pending.poll()) != null; ) {
      p.done().completeExceptionally(e);
    }
  }

  /** A message's items: one JSON object, or an array of them (a group published together). */
  static List<WorkItem> decode(byte[] body) throws IOException {
    int i = 0;
    while (i < body.length && Character.isWhitespace(body[i])) {
      i++;
    }
    if (i < body.length && body[i] == '[') {
      return List.of(JSON.readValue(body, WorkItem[].class));
    }
    return List.of(JSON.readValue(body, WorkItem.class));
  }

  @Override
  public void subscribe(WorkHandler handler, int prefetch) {
    Subscription s = new Subscription(handler, prefetch);
    subscriptions.add(s);
    if (connection != null) {
      startConsumer(s);
    }
  }

  private void startConsumer(Subscription s) {
    try {
      Channel ch = connection.createChannel();
      declare(ch);
      ch.basicQos(Math.max(1, s.prefetch()));
      ch.basicConsume(queueName, false, new DefaultConsumer(ch) {
        @Override
        public void handleDelivery(String tag, Envelope env, AMQP.BasicProperties props, byte[] body) {
          long delivery = env.getDeliveryTag();
          List<WorkItem> items;
          try {
            items = decode(body);
          } catch (IOException e) {
            LOG.error("dropping unreadable work item ({} bytes): {}", body.length, e.toString());
            ack(ch, delivery);
            return;
          }
          CompletableFuture<?>[] done = new CompletableFuture<?>[items.size()];
          for (int i = 0; i < done.length; i++) {
            CompletionStage<Void> d;
            try {
              d = s.handler().handle(items.get(i));
            } catch (RuntimeException e) {
              d = CompletableFuture.failedFuture(e);
            }
            done[i] = d.toCompletableFuture();
          }
          CompletableFuture.allOf(done).whenComplete((ok, err) -> {
            if (err == null) {
              ack(ch, delivery);
            } else {
              LOG.warn("[notification={}] processing failed, requeueing {}: {}",
                  items.size() == 1 ? items.get(0).notificationUuid() : items.stream().map(WorkItem::notificationUuid).toList(),
                  items.size() == 1 ? "it" : "its message of " + items.size(), err.toString());
              nack(ch, delivery);
            }
          });
        }
      });
      LOG.info("consuming {} with prefetch {}", queueName, s.prefetch());
    } catch (IOException e) {
      LOG.error("cannot start consumer on {}: {}", queueName, e.toString());
    }
  }

  private static void ack(Channel ch, long tag) {
    try {
      ch.basicAck(tag, false);
    } catch (Exception e) {
      // channel gone: the broker redelivers, and the claim in the database makes that a no-op
      LoggerFactory.getLogger(RabbitWorkQueue.class).warn("ack failed: {}", e.toString());
    }
  }

  private static void nack(Channel ch, long tag) {
    try {
      ch.basicNack(tag, false, true);
    } catch (Exception e) {
      LoggerFactory.getLogger(RabbitWorkQueue.class).warn("nack failed: {}", e.toString());
    }
  }

  @Override
  public String describe() {
    return "RabbitMQ " + url + " queue " + queueName;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connector.interrupt();
      publisher.shutdown();
      failUnconfirmed(new IOException("queue closed"));
      failPending(new IOException("queue closed"));
      try {
        if (connection != null) {
          connection.close(2000);
        }
      } catch (Exception e) {
        LOG.debug("close: {}", e.toString());
      }
    }
  }
}
