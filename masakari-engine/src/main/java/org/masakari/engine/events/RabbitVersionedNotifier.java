package org.masakari.engine.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.masakari.core.domain.Notification;
import org.masakari.core.queue.TransportUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * oslo.messaging "messagingv2" notifications on RabbitMQ: topic exchange {@code control_exchange},
 * routing key {@code versioned_notifications.info|error}, body the oslo 2.0 envelope around
 * {@code {message_id, publisher_id, event_type, priority, payload, timestamp}}. Sent from one thread
 * with a bounded backlog; when the backlog is full or the broker is down, events are dropped and logged
 * — recovery never waits for them. Fixed upstream bugs: {@code process.end} carries the final status
 * (upstream: still {@code running}); the error fault names the exception class, not {@code "str"}.
 */
public final class RabbitVersionedNotifier implements VersionedNotifier {
  private static final Logger LOG = LoggerFactory.getLogger(RabbitVersionedNotifier.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
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

  public RabbitVersionedNotifier(TransportUrl url, String exchange, String host) {
    this.url = url;
    this.exchange = exchange;
    this.publisherId = "masakari-engine:" + host;
    factory.setUsername(url.user());
    factory.setPassword(url.password());
    factory.setVirtualHost(url.virtualHost());
    factory.setConnectionTimeout(5000);
  }

  @Override
  public void processEvent(Notification n, String phase, String statusForPayload, Throwable fault) {
    ObjectNode msg = envelope(n, "notification.process." + phase, "error".equals(phase) ? "ERROR" : "INFO",
        statusForPayload, fault);
    String key = TOPIC + ("error".equals(phase) ? ".error" : ".info");
    sender.execute(() -> send(key, msg));
  }

  static ObjectNode envelope(Notification n, String eventType, String priority, String status, Throwable fault) {
    ObjectNode data = JSON.createObjectNode();
    data.put("id", n.getId());
    data.put("notification_uuid", n.getNotificationUuid());
    data.put("generated_time", n.getGeneratedTime().format(ISO));
    data.put("source_host_uuid", n.getSourceHostUuid());
    data.put("type", n.getTypeWire());
    try {
      data.set("payload", JSON.readTree(n.getPayload() == null ? "{}" : n.getPayload()));
    } catch (java.io.IOException e) {
      data.putObject("payload");
    }
    data.put("status", status);
    if (fault != null) {
      ObjectNode f = data.putObject("fault");
      f.put("masakari_object.name", "ExceptionPayload");
      f.put("masakari_object.namespace", "masakari");
      f.put("masakari_object.version", "1.0");
      ObjectNode fd = f.putObject("masakari_object.data");
      StackTraceElement top = fault.getStackTrace().length > 0 ? fault.getStackTrace()[0] : null;
      fd.put("module_name", top == null ? "unknown" : top.getClassName());
      fd.put("function_name", top == null ? "unknown" : top.getMethodName());
      fd.put("exception", fault.getClass().getSimpleName());
      fd.put("exception_message", String.valueOf(fault.getMessage()));
      fd.putNull("traceback");
    }
    ObjectNode payload = JSON.createObjectNode();
    payload.put("masakari_object.name", "NotificationApiPayload");
    payload.put("masakari_object.namespace", "masakari");
    payload.put("masakari_object.version", "1.0");
    payload.set("masakari_object.data", data);
    ObjectNode m = JSON.createObjectNode();
    m.put("message_id", UUID.randomUUID().toString());
    m.put("event_type", eventType);
    m.put("priority", priority);
    m.set("payload", payload);
    m.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).format(TS));
    return m;
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
      connection = factory.newConnection(url.addresses(), "masakari-engine-notifications");
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
