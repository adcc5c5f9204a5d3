package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Http;
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

  private static String readHead(InputStream in) throws Exception {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      head.write(c);
      String h = head.toString(StandardCharsets.US_ASCII);
      if (h.endsWith("\r\n\r\n")) {
        return h;
      }
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
