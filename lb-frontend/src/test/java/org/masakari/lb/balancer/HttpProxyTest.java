package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Http;
import org.masakari.lb.testsupport.TestBackend;

class HttpProxyTest extends BalancerTestBase {

  @Test
  void roundRobinFollowsWeights() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    check: {type: none}\n",
        "      - {name: a, address: \"" + a.address() + "\", weight: 1}\n"
            + "      - {name: b, address: \"" + b.address() + "\", weight: 3}\n");
    for (int i = 0; i < 40; i++) {
      assertThat(Http.get(url("/")).statusCode()).isEqualTo(200);
    }
    assertThat(a.requests()).isEqualTo(10);
    assertThat(b.requests()).isEqualTo(30);
  }

  @Test
  void forwardedHeadersReachTheBackendAndHopByHopDoNot() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "", "", server("a", a));
    HttpResponse<String> r = Http.get(url("/x?y=1"), "X-Forwarded-For", "203.0.113.7");
    assertThat(r.body()).isEqualTo("a\n");
    assertThat(a.lastHeaders().get("X-Forwarded-For")).isEqualTo("203.0.113.7, 127.0.0.1");
    assertThat(a.lastHeaders().get("Forwarded")).startsWith("for=127.0.0.1;proto=http;host=");
    assertThat(a.lastHeaders().get("X-Forwarded-Proto")).isEqualTo("http");
  }

  @Test
  void killedServerCostsNoClientErrorThanksToRedispatchAndPassiveCheck() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    check: {type: tcp, inter: 2000, fall: 3}\n", server("a", a) + server("b", b));
    Http.get(url("/"));
    a.close();
    backends.remove(a);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      statuses.add(Http.get(url("/")).statusCode());
    }
    assertThat(statuses).containsOnly(200);
    JsonObject stats = new JsonObject(Http.get(admin("/stats.json")).body());
    JsonObject sa = stats.getJsonArray("backends").getJsonObject(0).getJsonArray("servers").getJsonObject(0);
    assertThat(sa.getString("status")).isEqualTo("DOWN");
    assertThat(sa.getLong("redispatches")).isEqualTo(1);
  }

  @Test
  void hungServerIsMarkedDownByTheHttpCheck() throws Exception {
    TestBackend good = backend("good");
    try (ServerSocket hung = hungServer()) {
      startLb("http", "", "    check: {type: http, inter: 100, timeout: 200, fall: 2, rise: 1, observe_error_limit: 0}\n",
          hungEntry(hung) + server("good", good));
      await().atMost(Duration.ofSeconds(5)).until(() -> serverStatus("hung").equals("DOWN"));
      assertThat(serverStatus("good")).isEqualTo("UP");
      for (int i = 0; i < 10; i++) {
        assertThat(Http.get(url("/")).body()).isEqualTo("good\n");
      }
    }
  }

  @Test
  void hungServerTimesOutWith504AndIsEjectedPassively() throws Exception {
    TestBackend good = backend("good");
    try (ServerSocket hung = hungServer()) {
      startLb("http", "", "    timeout: {server: 300}\n    check: {type: tcp, inter: 60000}\n",
          hungEntry(hung) + server("good", good));
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        statuses.add(Http.get(url("/")).statusCode());
      }
      assertThat(statuses).containsOnlyOnce(504).contains(200);
      assertThat(serverStatus("hung")).isEqualTo("DOWN");
    }
  }

  @Test
  void maxconnQueuesRequestsInsteadOfOverloadingTheServer() throws Exception {
    TestBackend slow = backend("slow");
    slow.delay(150);
    startLb("http", "", "    check: {type: none}\n",
        "      - {name: slow, address: \"" + slow.address() + "\", maxconn: 1}\n");
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return Http.get(url("/")).statusCode();
        } catch (Exception e) {
          return -1;
        }
      }));
    }
    for (CompletableFuture<Integer> c : calls) {
      assertThat(c.get()).isEqualTo(200);
    }
    assertThat(slow.requests()).isEqualTo(4);
    assertThat(slow.maxInFlight()).isEqualTo(1);
  }

  @Test
  void queueTimeoutAnswers503() throws Exception {
    TestBackend slow = backend("slow");
    slow.delay(1000);
    startLb("http", "", "    check: {type: none}\n    timeout: {queue: 100}\n",
        "      - {name: slow, address: \"" + slow.address() + "\", maxconn: 1}\n");
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
      try {
        return Http.get(url("/")).statusCode();
      } catch (Exception e) {
        return -1;
      }
    });
    await().atMost(Duration.ofSeconds(2)).until(() -> slow.requests() == 1);
    assertThat(Http.get(url("/")).statusCode()).isEqualTo(503);
    assertThat(first.get()).isEqualTo(200);
  }

  @Test
  void cookieStickinessKeepsAClientOnItsServer() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    sticky: cookie\n    cookie: SRV\n", server("a", a) + server("b", b));
    HttpResponse<String> first = Http.get(url("/"));
    String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie).startsWith("SRV=");
    String pinned = first.body();
    for (int i = 0; i < 10; i++) {
      HttpResponse<String> r = Http.get(url("/"), "Cookie", cookie.substring(0, cookie.indexOf(';')));
      assertThat(r.body()).isEqualTo(pinned);
      assertThat(r.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void sourceHashAndSourceStickinessKeepOneClientOnOneServer() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    balance: source\n", server("a", a) + server("b", b));
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10; i++) {
      seen.add(Http.get(url("/")).body());
    }
    assertThat(seen).hasSize(1);
  }

  @Test
  void uriHashSendsOnePathToOneServerAndSpreadsPaths() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    balance: uri\n", server("a", a) + server("b", b));
    Set<String> servers = new HashSet<>();
    for (int p = 0; p < 20; p++) {
      String first = Http.get(url("/path" + p)).body();
      assertThat(Http.get(url("/path" + p + "?q=" + p)).body()).isEqualTo(first);
      servers.add(first);
    }
    assertThat(servers).hasSize(2);
  }

  @Test
  void leastconnAvoidsTheBusyServer() throws Exception {
    TestBackend slow = backend("slow");
    TestBackend fast = backend("fast");
    slow.delay(400);
    startLb("http", "", "    balance: leastconn\n    check: {type: none}\n", server("slow", slow) + server("fast", fast));
    List<CompletableFuture<Integer>> calls = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      calls.add(CompletableFuture.supplyAsync(() -> {
        try {
          return Http.get(url("/")).statusCode();
        } catch (Exception e) {
          return -1;
        }
      }));
      Thread.sleep(10);
    }
    for (CompletableFuture<Integer> c : calls) {
      assertThat(c.get()).isEqualTo(200);
    }
    assertThat(slow.requests()).isLessThan(6);
    assertThat(fast.requests()).isGreaterThan(14);
  }

  @Test
  void allServersDownAnswers503() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "", "    retries: 1\n", server("a", a));
    a.close();
    backends.remove(a);
    assertThat(Http.get(url("/")).statusCode()).isEqualTo(503);
  }

  @Test
  void frontendMaxconnLeavesConnectionsBeyondTheLimitWaitingAndServesThemWhenSlotsFree() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "    maxconn: 1\n", "", server("a", a));
    byte[] get = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes();
    java.net.Socket first = new java.net.Socket("127.0.0.1", port);
    first.getOutputStream().write(get);
    first.setSoTimeout(3000);
    assertThat(first.getInputStream().read()).isEqualTo('H');
    java.util.List<java.net.Socket> waiting = new java.util.ArrayList<>();
    try {
      // HAProxy's maxconn: connected (the kernel's backlog), not closed, not answered while the slot is taken
      for (int i = 0; i < 3; i++) {
        java.net.Socket s = new java.net.Socket("127.0.0.1", port);
        waiting.add(s);
        s.getOutputStream().write(get);
        s.setSoTimeout(400);
        assertThatThrownBy(() -> s.getInputStream().read()).as("connection %d beyond maxconn waits", i)
            .isInstanceOf(java.net.SocketTimeoutException.class);
      }
      assertThat(a.requests()).isEqualTo(1);
      first.close();
      // one slot: the waiting connections are served one at a time, each when the one before it closes. In which
      // order is the kernel's (two SO_REUSEPORT listeners) and the held ones', so poll them all
      java.util.Map<java.net.Socket, java.io.InputStream> unanswered = new java.util.LinkedHashMap<>();
      for (java.net.Socket s : waiting) {
        s.setSoTimeout(50);
        unanswered.put(s, s.getInputStream());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (!unanswered.isEmpty() && System.nanoTime() < deadline) {
        for (var it = unanswered.entrySet().iterator(); it.hasNext(); ) {
          var e = it.next();
          byte[] head = new byte[12];
          int n;
          try {
            n = e.getValue().read(head);
          } catch (java.net.SocketTimeoutException notYet) {
            continue;
          }
          assertThat(new String(head, 0, Math.max(n, 0))).startsWith("HTTP/1.1 200");
          e.getKey().close();
          it.remove();
        }
      }
      assertThat(unanswered).as("connections never served").isEmpty();
      assertThat(a.requests()).isEqualTo(4);
    } finally {
      first.close();
      for (java.net.Socket s : waiting) {
        s.close();
      }
    }
  }

  @Test
  void frontendMaxconnUnderConcurrentConnectsAnswersEveryRequestAndFreesEverySlot() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "    maxconn: 3\n", "", server("a", a));
    int clients = 16;
    int each = 25;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
    java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
    try {
      java.util.List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int c = 0; c < clients; c++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
              s.setSoTimeout(10_000);
              s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes());
              String answer = new String(s.getInputStream().readAllBytes());
              if (answer.startsWith("HTTP/1.1 200")) {
                ok.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      for (var f : done) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(ok.get()).isEqualTo(clients * each);
    // every slot came back: three connections at once are served without waiting
    java.util.List<java.net.Socket> three = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < 3; i++) {
        java.net.Socket s = new java.net.Socket("127.0.0.1", port);
        three.add(s);
        s.setSoTimeout(3000);
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        assertThat(s.getInputStream().read()).isEqualTo('H');
      }
    } finally {
      for (java.net.Socket s : three) {
        s.close();
      }
    }
  }

  @Test
  void silentServerSafeRequestsGoElsewhereAfterTimeoutSilentAndItIsEjectedButPostsWaitForTheirTimeout() throws Exception {
    TestBackend good = backend("good");
    try (ServerSocket hung = hungServer()) {
      startLb("http", "", "    balance: uri\n    timeout: {server: 1500, silent: 300}\n    check: {type: tcp, inter: 60000}\n",
          hungEntry(hung) + server("good", good));
      // a POST is never sent twice: the uri hash that leads to the hung server is found with it
      String toHung = null;
      for (int i = 0; i < 40 && toHung == null; i++) {
        long t0 = System.nanoTime();
        var r = Http.send("POST", url("/p" + i), "{}");
        if (r.statusCode() == 504) {
          toHung = "/p" + i;
          assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
        }
      }
      assertThat(toHung).as("some uri hashes to the hung server").isNotNull();
      // the 504 ejected it (passive check); bring it back to see the silent rule on a GET of the same uri
      runtime.balancer().registry().get("be").server("hung").checkResult(true, 1, 1, "test");
      assertThat(serverStatus("hung")).isEqualTo("UP");
      long t0 = System.nanoTime();
      var get = Http.get(url(toHung));
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(get.statusCode()).isEqualTo(200);
      assertThat(get.body()).isEqualTo("good\n");
      assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofMillis(1400));
      assertThat(serverStatus("hung")).isEqualTo("DOWN");
    }
  }

  @Test
  void silentRuleNeverTakesTheLastUsableServer() throws Exception {
    try (ServerSocket hung = hungServer()) {
      startLb("http", "", "    timeout: {server: 800, silent: 200}\n    check: {type: tcp, inter: 60000}\n",
          hungEntry(hung));
      long t0 = System.nanoTime();
      // with nowhere else to go the GET waits for timeout.server (a slow single server keeps its chance)
      assertThat(Http.get(url("/")).statusCode()).isEqualTo(504);
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }
  }

  @Test
  void safeRequestIsRetriedElsewhereWhenTheServerClosesWithoutAnswerButAPostIsNot() throws Exception {
    TestBackend good = backend("good");
    // reads a request, then closes the connection without a byte of answer (a server dying mid-request)
    try (ServerSocket closer = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Thread t = new Thread(() -> {
        for (int i = 0; i < 50 && !closer.isClosed(); i++) {
          try (java.net.Socket c = closer.accept()) {
            c.getInputStream().read(new byte[4096]);
          } catch (java.io.IOException e) {
            return;
          }
        }
      });
      t.setDaemon(true);
      t.start();
      startLb("http", "", "    check: {type: none, observe_error_limit: 0}\n",
          "      - {name: closer, address: \"127.0.0.1:" + closer.getLocalPort() + "\"}\n" + server("good", good));
      for (int i = 0; i < 4; i++) {
        assertThat(Http.get(url("/")).body()).isEqualTo("good\n");
      }
      List<Integer> posts = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        posts.add(Http.send("POST", url("/"), "{}").statusCode());
      }
      assertThat(posts).containsOnly(200, 502).contains(502);
    }
  }

  String serverStatus(String name) throws Exception {
    JsonObject stats = new JsonObject(Http.get(admin("/stats.json")).body());
    var servers = stats.getJsonArray("backends").getJsonObject(0).getJsonArray("servers");
    for (int i = 0; i < servers.size(); i++) {
      if (servers.getJsonObject(i).getString("name").equals(name)) {
        return servers.getJsonObject(i).getString("status");
      }
    }
    return "absent";
  }

  /** A server that accepts (the kernel completes the handshake from the backlog) but never reads or answers. */
  private static ServerSocket hungServer() throws java.io.IOException {
    return new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"));
  }

  /** The YAML server entry named "hung" for {@code hung}. */
  private static String hungEntry(ServerSocket hung) {
    return "      - {name: hung, address: \"127.0.0.1:" + hung.getLocalPort() + "\"}\n";
  }
}
