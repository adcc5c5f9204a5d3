package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.masakari.lb.LbRuntime;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.config.LbConfigLoader;
import org.masakari.lb.testsupport.Http;
import org.masakari.lb.testsupport.TestBackend;

class AdminApiTest extends BalancerTestBase {

  @Test
  void disableDrainEnableAndWeightWithoutRestart() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    check: {type: none}\n", server("a", a) + server("b", b));
    assertThat(Http.send("POST", admin("/backends/be/servers/a/disable"), null).statusCode()).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      assertThat(Http.get(url("/")).body()).isEqualTo("b\n");
    }
    Http.send("POST", admin("/backends/be/servers/a/enable"), null);
    Http.send("POST", admin("/backends/be/servers/b/drain"), null);
    for (int i = 0; i < 6; i++) {
      assertThat(Http.get(url("/")).body()).isEqualTo("a\n");
    }
    Http.send("POST", admin("/backends/be/servers/b/enable"), null);
    assertThat(Http.send("PUT", admin("/backends/be/servers/a/weight"), "{\"weight\": 0}").statusCode()).isEqualTo(200);
    for (int i = 0; i < 6; i++) {
      assertThat(Http.get(url("/")).body()).isEqualTo("b\n");
    }
    assertThat(Http.send("PUT", admin("/backends/be/servers/a/weight"), "{\"weight\": 999}").statusCode()).isEqualTo(400);
  }

  @Test
  void addAndRemoveServersAtRuntime() throws Exception {
    TestBackend a = backend("a");
    TestBackend c = backend("c");
    startLb("http", "", "    check: {type: none}\n", server("a", a));
    var added = Http.send("POST", admin("/backends/be/servers"), "{\"name\":\"c\",\"address\":\"" + c.address() + "\"}");
    assertThat(added.statusCode()).isEqualTo(201);
    for (int i = 0; i < 4; i++) {
      Http.get(url("/"));
    }
    assertThat(c.requests()).isEqualTo(2);
    assertThat(Http.send("DELETE", admin("/backends/be/servers/a"), null).statusCode()).isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      assertThat(Http.get(url("/")).body()).isEqualTo("c\n");
    }
    assertThat(Http.send("DELETE", admin("/backends/be/servers/zz"), null).statusCode()).isEqualTo(404);
  }

  @Test
  void statsJsonPrometheusAndHtml() throws Exception {
    TestBackend a = backend("a");
    startLb("http", "", "", server("a", a));
    for (int i = 0; i < 5; i++) {
      Http.get(url("/"));
    }
    JsonObject s = new JsonObject(Http.get(admin("/stats.json")).body()).getJsonArray("backends").getJsonObject(0)
        .getJsonArray("servers").getJsonObject(0);
    assertThat(s.getLong("requests")).isEqualTo(5);
    assertThat(s.getLong("latency_p99_us")).isPositive();
    String metrics = Http.get(admin("/metrics")).body();
    assertThat(metrics).contains("lb_server_requests_total{backend=\"be\",server=\"a\"} 5")
        .contains("lb_server_sessions_total{backend=\"be\",server=\"a\"} 5")
        .contains("lb_server_up{backend=\"be\",server=\"a\"} 1").contains("quantile=\"0.99\"");
    assertThat(Http.get(admin("/stats")).body()).contains("<table>").contains("<td>a</td>");
  }

  @Test
  void reloadAppliesNewServersKeepsConnectionsAndRejectsABadFile() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("http", "", "    check: {type: none}\n", server("a", a));
    try (Socket client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(5000);
      BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
      OutputStream out = client.getOutputStream();
      assertThat(keepAliveGet(out, in)).isEqualTo("a");

      Files.writeString(configFile, yaml("http", "", "    check: {type: none}\n", server("b", b)));
      assertThat(Http.send("POST", admin("/reload"), null).statusCode()).isEqualTo(200);
      // same TCP connection, now served by the reloaded backend
      assertThat(keepAliveGet(out, in)).isEqualTo("b");

      Files.writeString(configFile, "backends:\n  - name: be\n    balance: sideways\n");
      var rejected = Http.send("POST", admin("/reload"), null);
      assertThat(rejected.statusCode()).isEqualTo(400);
      assertThat(rejected.body()).contains(configFile.toString() + ":3").contains("balance");
      assertThat(keepAliveGet(out, in)).isEqualTo("b");
    }
  }

  @Test
  void unixSocketServesTheApiWithItsModeReplacesAStaleFileAndIsRemovedAtClose() throws Exception {
    TestBackend a = backend("a");
    Path sock = dir.resolve("admin.sock");
    // what a SIGKILLed balancer leaves: a socket file nobody listens on
    try (ServerSocketChannel stale = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      stale.bind(UnixDomainSocketAddress.of(sock));
    }
    assertThat(Files.exists(sock)).isTrue();
    globalExtra = "  admin_socket: " + sock + "\n  admin_socket_mode: 0640\n";
    startLb("http", "", "    check: {type: none}\n", server("a", a));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(sock))).isEqualTo("rw-r-----");
    assertThat(Files.exists(dir.resolve("admin.sock.new"))).isFalse();
    Http.get(url("/"));
    String stats = unixRequest(sock, "GET /stats.json HTTP/1.1\r\nHost: lb\r\nConnection: close\r\n\r\n");
    assertThat(stats).startsWith("HTTP/1.1 200");
    JsonObject server = new JsonObject(stats.substring(stats.indexOf("\r\n\r\n") + 4)).getJsonArray("backends")
        .getJsonObject(0).getJsonArray("servers").getJsonObject(0);
    assertThat(server.getLong("requests")).isEqualTo(1);
    String drained = unixRequest(sock, "POST /backends/be/servers/a/drain HTTP/1.1\r\nHost: lb\r\nContent-Length: 0\r\n"
        + "Connection: close\r\n\r\n");
    assertThat(drained).startsWith("HTTP/1.1 200").contains("DRAIN");

    // a second balancer must not take the socket of a running one
    Path secondFile = dir.resolve("second.yaml");
    Files.writeString(secondFile, "global:\n  admin_socket: " + sock + "\nbackends:\n  - name: be\n    check: {type: none}\n"
        + "    servers:\n" + server("a", a));
    LbConfig second = LbConfigLoader.load(secondFile);
    try (LbRuntime other = new LbRuntime(second, () -> second)) {
      assertThatThrownBy(other::start).hasMessageContaining(sock.toString()).hasMessageContaining("another process");
    }
    assertThat(unixRequest(sock, "GET /metrics HTTP/1.1\r\nHost: lb\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");

    runtime.close();
    runtime = null;
    assertThat(Files.exists(sock)).isFalse();
  }

  private static String unixRequest(Path sock, String request) throws Exception {
    try (SocketChannel ch = SocketChannel.open(UnixDomainSocketAddress.of(sock))) {
      ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (ch.read(buf) >= 0) {
        answer.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  private static String keepAliveGet(OutputStream out, BufferedReader in) throws Exception {
    out.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = in.readLine();
    assertThat(status).startsWith("HTTP/1.1 200");
    int length = 0;
    String line;
    while (!(line = in.readLine()).isEmpty()) {
      if (line.toLowerCase().startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    char[] body = new char[length];
    int read = 0;
    while (read < length) {
      read += in.read(body, read, length - read);
    }
    return new String(body).trim();
  }
}
