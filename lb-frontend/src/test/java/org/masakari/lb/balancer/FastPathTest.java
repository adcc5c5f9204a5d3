package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.masakari.lb.testsupport.ScriptedBackend.readHead;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Http;
import org.masakari.lb.testsupport.ScriptedBackend;
import org.masakari.lb.testsupport.TestBackend;

/** HTTP/1.1 details of the Netty fast path that the Vert.x path got from Vert.x. */
class FastPathTest extends BalancerTestBase {

  @Test
  void pipelinedRequestsAreAnsweredInOrderOnOneConnection() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    check: {type: none}\n", server("a", a) + server("b", b));
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      String one = "GET /1 HTTP/1.1\r\nHost: x\r\n\r\n";
      s.getOutputStream().write((one + one + one + "GET /4 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all.split("HTTP/1.1 200", -1)).hasSize(5);
      assertThat(all).containsSubsequence("a\n", "b\n", "a\n", "b\n");
      assertThat(all.toLowerCase()).contains("connection: close");
    }
  }

  @Test
  void http10ClientGetsItsAnswerAndTheConnectionCloses() throws Exception {
    TestBackend a = backend("a");
    a.chunked(true);
    startLb("http", "", "    check: {type: none}\n", server("a", a));
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      s.getOutputStream().write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(all).startsWith("HTTP/1.1 200").endsWith("\r\n\r\na\n");
      assertThat(all.toLowerCase()).doesNotContain("transfer-encoding");
    }
  }

  @Test
  void chunkedAnswerStaysChunkedOnAKeepAliveConnection() throws Exception {
    TestBackend a = backend("a");
    a.chunked(true);
    startLb("http", "", "    check: {type: none}\n", server("a", a));
    for (int i = 0; i < 3; i++) {
      var r = Http.get(url("/"));
      assertThat(r.body()).isEqualTo("a\n");
    }
  }

  @Test
  void largeRequestBodyIsStreamedIntact() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "", "    check: {type: none}\n", server("a", a));
    byte[] body = new byte[3 * 1024 * 1024];
    Arrays.fill(body, (byte) 'x');
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(10000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.flush();
      assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
    }
    assertThat(a.lastBodyLength()).isEqualTo(body.length);
  }

  @Test
  void expect100ContinueIsRelayedBeforeTheBodyIsSent() throws Exception {
    // a byte-level back end: it answers 100 Continue to the head, then 200 once the body is in
    try (java.net.ServerSocket backendSocket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      Thread backendThread = new Thread(() -> {
        try (Socket b = backendSocket.accept()) {
          b.setSoTimeout(5000);
          String head = readHead(b.getInputStream());
          if (head.toLowerCase().contains("expect: 100-continue")) {
            b.getOutputStream().write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            b.getOutputStream().flush();
          }
          byte[] body = b.getInputStream().readNBytes(5);
          b.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n" + new String(body, StandardCharsets.US_ASCII))
              .getBytes(StandardCharsets.US_ASCII));
          b.getOutputStream().flush();
          b.getInputStream().read();
        } catch (Exception e) {
          // the assertions on the client side report it
        }
      });
      backendThread.setDaemon(true);
      backendThread.start();
      startLb("http", "", "    check: {type: none}\n",
          "      - {name: raw, address: \"127.0.0.1:" + backendSocket.getLocalPort() + "\"}\n");
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5000);
        s.getOutputStream().write("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nExpect: 100-continue\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII));
        // no body before the 100: a proxy that held the 100 back (unflushed) would hang here
        assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 100");
        s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(s.getInputStream())).startsWith("HTTP/1.1 200");
        assertThat(new String(s.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("hello");
      }
    }
  }

  @Test
  void passedThroughAnswersKeepTheirBytesLoseHopByHopLinesAndMayArriveInPieces() throws Exception {
    String big = "y".repeat(5000);  // larger than a small body: head and body are written apart
    try (ScriptedBackend b = new ScriptedBackend(List.of(
        List.of("HTTP/1.1 200 OK\r\nX-Kept: 1\r\nConnection: keep-alive\r\nKeep-Alive: timeout=5\r\nContent-Length: 6\r\n\r\nfirst\n"),
        // head split in the middle of a line, body split from it
        List.of("HTTP/1.1 201 Created\r\nContent-Le", "ngth: " + big.length() + "\r\n\r\n" + big.substring(0, 10), big.substring(10)),
        List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", "third")))) {
      startLb("http", "", "    check: {type: none}\n", "      - {name: raw, address: \"" + b.address() + "\"}\n");
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        s.getOutputStream().write("GET /1 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(in)).isEqualTo("HTTP/1.1 200 OK\r\nX-Kept: 1\r\nContent-Length: 6\r\n\r\n");
        assertThat(new String(in.readNBytes(6), StandardCharsets.US_ASCII)).isEqualTo("first\n");
        s.getOutputStream().write("GET /2 HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(in)).isEqualTo("HTTP/1.1 201 Created\r\nContent-Length: " + big.length() + "\r\n\r\n");
        assertThat(new String(in.readNBytes(big.length()), StandardCharsets.US_ASCII)).isEqualTo(big);
        s.getOutputStream().write("GET /3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
            .isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nConnection: close\r\n\r\nthird");
      }
      // one server connection carried all three: each answer ended where its Content-Length said
      assertThat(b.heads()).hasSize(3);
    }
  }

  @Test
  void answersThatAreNotSimpleStillGoThroughTheCodecOnTheSameServerConnection() throws Exception {
    try (ScriptedBackend b = new ScriptedBackend(List.of(
        // HEAD: a Content-Length but no body
        List.of("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n"),
        // Connection names a header that must not reach the client
        List.of("HTTP/1.1 200 OK\r\nConnection: X-Private\r\nX-Private: secret\r\nContent-Length: 2\r\n\r\nok"),
        List.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "3\r\nabc\r\n0\r\n\r\n"),
        List.of("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nlast")))) {
      startLb("http", "", "    check: {type: none}\n", "      - {name: raw, address: \"" + b.address() + "\"}\n");
      try (Socket s = new Socket("127.0.0.1", port)) {
        s.setSoTimeout(5000);
        InputStream in = s.getInputStream();
        s.getOutputStream().write("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(in).toLowerCase()).startsWith("http/1.1 200").contains("content-length: 100");
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        String second = readHead(in);
        assertThat(second.toLowerCase()).doesNotContain("x-private").doesNotContain("connection");
        assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("ok");
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(in).toLowerCase()).contains("transfer-encoding: chunked");
        assertThat(new String(in.readNBytes(13), StandardCharsets.US_ASCII)).isEqualTo("3\r\nabc\r\n0\r\n\r\n");
        s.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(readHead(in)).isEqualTo("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n");
        assertThat(new String(in.readNBytes(4), StandardCharsets.US_ASCII)).isEqualTo("last");
      }
      assertThat(b.heads()).hasSize(4);
    }
  }

  @Test
  void hopByHopHeadersAndThoseNamedByConnectionAreDropped() {
    var h = new io.netty.handler.codec.http.DefaultHttpHeaders();
    h.add("Host", "x").add("Connection", "keep-alive, X-Private").add("Keep-Alive", "timeout=5")
        .add("X-Private", "secret").add("TE", "trailers").add("X-Kept", "1");
    ProxyHeaders.removeHopByHop(h);
    assertThat(h.names()).containsExactlyInAnyOrder("Host", "X-Kept");
    var plain = new io.netty.handler.codec.http.DefaultHttpHeaders().add("Host", "x");
    ProxyHeaders.removeHopByHop(plain);
    assertThat(plain.names()).containsExactly("Host");
  }

  @Test
  void warmupRunsBeforeTheFrontendListensAndLeavesNoTraceInStats() throws Exception {
    TestBackend a = backend("a");
    port = Http.freePort();
    adminPort = Http.freePort();
    configFile = dir.resolve("lb.yaml");
    java.nio.file.Files.writeString(configFile, yaml("http", "", "    check: {type: none}\n", server("a", a))
        .replace("  event_loops: 2\n", "  event_loops: 2\n  warmup: 300ms\n"));
    runtime = new org.masakari.lb.LbRuntime(org.masakari.lb.config.LbConfigLoader.load(configFile),
        () -> org.masakari.lb.config.LbConfigLoader.load(configFile));
    runtime.start();
    assertThat(Http.get(url("/")).body()).isEqualTo("a\n");
    String stats = Http.get(admin("/stats.json")).body();
    assertThat(stats).doesNotContain("warmup");
    assertThat(a.requests()).isEqualTo(1);
  }

}
