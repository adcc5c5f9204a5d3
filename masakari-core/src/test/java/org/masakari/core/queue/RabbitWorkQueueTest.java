package org.masakari.core.queue;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the machine's RabbitMQ (127.0.0.1:5672, guest/guest), each test on its own quorum queue. */
class RabbitWorkQueueTest {
  private static final TransportUrl URL = TransportUrl.parse("rabbit://guest:guest@127.0.0.1:5672/");
  private final String queueName = "masakari-test-" + UUID.randomUUID();
  private final List<RabbitWorkQueue> queues = new ArrayList<>();

  @BeforeEach
  void setUp() {
    assertThat(queue().awaitConnected(30, TimeUnit.SECONDS)).as("RabbitMQ on 127.0.0.1:5672").isTrue();
  }

  @AfterEach
  void tearDown() throws Exception {
    queues.forEach(RabbitWorkQueue::close);
    try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
      ch.queueDelete(queueName);
    }
  }

  private RabbitWorkQueue queue() {
    if (queues.isEmpty()) {
      queues.add(new RabbitWorkQueue(URL, queueName).start());
    }
    return queues.get(0);
  }

  private static ConnectionFactory factory() {
    ConnectionFactory f = new ConnectionFactory();
    f.setHost("127.0.0.1");
    f.setUsername("guest");
    f.setPassword("guest");
    return f;
  }

  private static WorkItem item(int i) {
    return new WorkItem(UUID.randomUUID().toString(), "host-" + (i % 7), "PROCESS");
  }

  @Test
  void itemsPublishedTogetherLeaveInFewerMessagesAndAllArriveOnce() throws Exception {
    int n = 400;
    List<WorkItem> sent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sent.add(item(i));
    }
    // 8 threads publishing at once: while one message awaits its confirm, the others' items gather
    ExecutorService callers = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Void>> confirms = new ArrayList<>();
    for (WorkItem w : sent) {
      CompletableFuture<Void> f = new CompletableFuture<>();
      confirms.add(f);
      callers.execute(() -> queue().publish(w).whenComplete((ok, err) -> {
        if (err == null) {
          f.complete(null);
        } else {
          f.completeExceptionally(err);
        }
      }));
    }
    CompletableFuture.allOf(confirms.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
    callers.shutdown();

    // read the raw messages: both forms appear, no message exceeds the cap, every item is there once
    List<WorkItem> received = new ArrayList<>();
    int messages = 0;
    int arrays = 0;
    try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
      for (GetResponse r; (r = ch.basicGet(queueName, true)) != null; ) {
        messages++;
        List<WorkItem> items = RabbitWorkQueue.decode(r.getBody());
        assertThat(items).hasSizeBetween(1, RabbitWorkQueue.MAX_ITEMS_PER_MESSAGE);
        if (new String(r.getBody(), StandardCharsets.UTF_8).startsWith("[")) {
          arrays++;
          assertThat(items.size()).isGreaterThan(1);
        } else {
          assertThat(r.getProps().getMessageId()).isEqualTo(items.get(0).notificationUuid());
        }
        assertThat(r.getProps().getDeliveryMode()).as("persistent").isEqualTo(2);
        received.addAll(items);
      }
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(arrays).as("groups published while a confirm was outstanding").isPositive();
    assertThat(messages).isLessThan(n);
  }

  @Test
  void aLoneItemGoesOutAtOnceAsASingleObject() throws Exception {
    WorkItem w = item(1);
    queue().publish(w).toCompletableFuture().get(10, TimeUnit.SECONDS);
    try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
      GetResponse r = ch.basicGet(queueName, true);
      assertThat(r).isNotNull();
      String body = new String(r.getBody(), StandardCharsets.UTF_8);
      assertThat(body).startsWith("{").contains(w.notificationUuid());
      assertThat(RabbitWorkQueue.decode(r.getBody())).containsExactly(w);
    }
  }

  @Test
  void aFailedItemRequeuesItsMessageAndTheOthersAreHandledAgain() throws Exception {
    // a group of three, written as a publisher of this class writes one
    List<WorkItem> group = List.of(item(1), item(2), item(3));
    try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
      ch.basicPublish("", queueName, null, ("[" + String.join(",", group.stream()
          .map(w -> "{\"notification_uuid\":\"" + w.notificationUuid() + "\",\"source_host_uuid\":\""
              + w.sourceHostUuid() + "\",\"type\":\"PROCESS\"}").toList()) + "]").getBytes(StandardCharsets.UTF_8));
    }
    Map<WorkItem, AtomicInteger> handled = new ConcurrentHashMap<>();
    AtomicBoolean failOnce = new AtomicBoolean(true);
    CountDownLatch secondRound = new CountDownLatch(3);
    queue().subscribe(w -> {
      int times = handled.computeIfAbsent(w, k -> new AtomicInteger()).incrementAndGet();
      if (times == 2) {
        secondRound.countDown();
      }
      if (w.equals(group.get(1)) && failOnce.getAndSet(false)) {
        return CompletableFuture.failedFuture(new IllegalStateException("database down"));
      }
      return CompletableFuture.completedFuture(null);
    }, 4);
    assertThat(secondRound.await(20, TimeUnit.SECONDS)).as("all three redelivered").isTrue();
    assertThat(handled.keySet()).isEqualTo(Set.copyOf(group));
    // acked after the second round: nothing left on the queue
    Thread.sleep(300);
    try (Connection c = factory().newConnection(); Channel ch = c.createChannel()) {
      assertThat(ch.queueDeclarePassive(queueName).getMessageCount()).isZero();
    }
    handled.values().forEach(times -> assertThat(times.get()).isEqualTo(2));
  }

  @Test
  void decodeReadsBothFormsAndRejectsGarbage() throws Exception {
    String one = "{\"notification_uuid\":\"a\",\"source_host_uuid\":\"h\",\"type\":\"VM\"}";
    assertThat(RabbitWorkQueue.decode(one.getBytes(StandardCharsets.UTF_8)))
        .containsExactly(new WorkItem("a", "h", "VM"));
    assertThat(RabbitWorkQueue.decode((" [" + one + "," + one.replace("\"a\"", "\"b\"") + "]")
        .getBytes(StandardCharsets.UTF_8))).extracting(WorkItem::notificationUuid).containsExactly("a", "b");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> RabbitWorkQueue.decode("[{".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(java.io.IOException.class);
  }
}
