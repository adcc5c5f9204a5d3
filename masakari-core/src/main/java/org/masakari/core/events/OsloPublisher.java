package org.masakari.core.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.masakari.core.queue.TransportUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.messaging "messagingv2" notifications on RabbitMQ, as upstream's API and engine send them: topic
 * exchange {@code control_exchange}, routing key {@code versioned_notifications.info|error}, body the oslo
 * 2.0 envelope around {@code {message_id, publisher_id, event_type, priority, payload, timestamp}}. Sent
 * from one thread with a bounded backlog; when the backlog is full or the broker is down, events are
 * dropped and logged — neither an API request nor a recovery ever waits for them.
 */
public final class OsloPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OsloPublisher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String TOPIC = "versioned_notifications";

  private final ConnectionFactory factory = new ConnectionFactory();
  private final TransportUrl url;
  private final String exchange;
  private final String publisherId;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(10_000), r -> {
        Thread t = new Thread(r, "versioned-notifications");
        t.setDaemon(true);
        return t;
      }, (r, ex) -> LOG.warn("versioned notification dropped: backlog full"));
  private Connection connection;
  private Channel channel;

  /** @param publisherId {@code <binary>:<host>}, e.g. {@code masakari-api:ctl-1} */
  public OsloPublisher(TransportUrl url, String exchange, String publisherId) {
    this.url = url;
    this.exchange = exchange;
    this.publisherId = publisherId;
    factory.setUsername(url.user());
    factory.setPassword(url.password());
    factory.setVirtualHost(url.virtualHost());
    factory.setConnectionTimeout(5000);
  }

  /** Queues one message built by {@link VersionedPayloads#message}; returns at once. */
  public void publish(ObjectNode message) {
    String key = TOPIC + ("ERROR".equals(message.path("priority").asText()) ? ".error" : ".info");
    sender.execute(() -> send(key, message));
  }

  private void send(String routingKey, ObjectNode message) {
    message.put("publisher_id", publisherId);
    ObjectNode oslo = JSON.createObjectNode();
    oslo.put("oslo.version", "2.0");
    oslo.put("oslo.message", message.toString());
    try {
      Channel ch = channel();
      ch.basicPublish(exchange, routingKey, new AMQP.BasicProperties.Builder().contentType("application/json")
          .contentEncoding("utf-8").deliveryMode(2).build(), oslo.toString().getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      LOG.warn("versioned notification {} not sent: {}", message.path("event_type").asText(), e.toString());
      closeQuietly();
    }
  }

  private Channel channel() throws Exception {
    if (channel == null || !channel.isOpen()) {
      closeQuietly();
      connection = factory.newConnection(url.addresses(), publisherId + "-notifications");
      channel = connection.createChannel();
      // oslo.messaging declares the notification exchange as a non-durable topic exchange by default
      channel.exchangeDeclare(exchange, "topic", false);
    }
    return channel;
  }

  private void closeQuietly() {
    try {
      if (connection != null) {
        connection.close();
      }
    } catch (Exception ignored) {
      // reconnect on the next event
    }
    connection = null;
    channel = null;
  }

  /** Sends what is queued (up to 5 s), then disconnects. */
  @Override
  public void close() {
    sender.shutdown();
    try {
      sender.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeQuietly();
  }
}
