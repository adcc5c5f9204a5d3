package org.masakari.monitor.host.heartbeat;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.masakari.monitor.host.HostMonitorCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Three real hostmonitor processes (heartbeat driver, 1 s heartbeats, dead_after 3 s), each in its
 * own network namespace, joined by veth pairs to a bridge that lives in a fifth namespace; a fourth
 * node namespace runs a capture API process. All namespaces are created by the test with unique
 * names and addresses exist only inside them (10.250.0.0/24), so no traffic leaves them.
 *
 * <pre>
 *   [mhbXXXXXX-n1] eth0 10.250.0.1 --- p1 \
 *   [mhbXXXXXX-n2] eth0 10.250.0.2 --- p2  +- br0 [mhbXXXXXX-br]
 *   [mhbXXXXXX-n3] eth0 10.250.0.3 --- p3  |
 *   [mhbXXXXXX-api] eth0 10.250.0.100 - p4 /    capture API :8080, probes each node's /metrics
 * </pre>
 *
 * The capture API appends every request (time, source address, method, path, body) to a file the
 * test reads, and writes each node's /metrics (status endpoint bound to the node's 10.250 address)
 * to a file, which is how the test sees that the nodes hear each other. Process logs stay in
 * {@code target/heartbeat-netns/ID/}. Detection times are logged as {@code FIGURE} lines, never
 * asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HeartbeatNamespaceTest {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatNamespaceTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NODES = 3;
  private static final String SUBNET = "10.250.0.";
  private static final String API_IP = SUBNET + "100";
  private static final int API_PORT = 8080;
  private static final int STATUS_PORT = 9723;
  private static final int HEARTBEAT_PORT = 5410;
  private static final List<String> CHILD_JVM = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
      "-Xss512k", "-Xmx96m", "-XX:-UsePerfData");

  private String id;
  private Path work;
  private Path captured;
  private Path statusDir;
  private final List<String> namespaces = new ArrayList<>();
  private final Process[] monitors = new Process[NODES + 1];
  private Process api;
  private Thread cleanupOnExit;
  /** Set when the first test saw cmp-1 reported: the recovery then must bring a STARTED. */
  private boolean cmp1Reported;

  // ---------------------------------------------------------------------------------- set-up

  @BeforeAll
  void setUp() throws Exception {
    assumeTrue("0".equals(run(5, "id", "-u").trim()), "network namespace tests need root");
    ensureIpInstalled();
    id = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(2); // 6 hex digits
    work = Path.of("target", "heartbeat-netns", id).toAbsolutePath();
    Files.createDirectories(work);
    captured = work.resolve("captured.tsv");
    statusDir = Files.createDirectories(work.resolve("status"));
    cleanupOnExit = new Thread(this::cleanUp, "heartbeat-netns-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
    LOG.info("namespaces mhb{}-*, logs and captures in {}", id, work);

    String bridge = ns("br");
    addNamespace(bridge);
    ip("-n", bridge, "link", "add", "br0", "type", "bridge");
    ip("-n", bridge, "link", "set", "br0", "up");
    for (int i = 1; i <= NODES + 1; i++) {
      String ns = i <= NODES ? node(i) : ns("api");
      String addr = i <= NODES ? SUBNET + i : API_IP;
      addNamespace(ns);
      // both ends are created inside our namespaces: nothing ever appears in the root namespace
      ip("-n", bridge, "link", "add", "p" + i, "type", "veth", "peer", "name", "eth0", "netns", ns);
      ip("-n", bridge, "link", "set", "p" + i, "master", "br0", "up");
      ip("-n", ns, "link", "set", "lo", "up");
      ip("-n", ns, "addr", "add", addr + "/24", "dev", "eth0");
      ip("-n", ns, "link", "set", "eth0", "up");
    }

    List<String> apiArgs = new ArrayList<>(List.of(API_IP, String.valueOf(API_PORT), captured.toString(),
        statusDir.toString()));
    for (int i = 1; i <= NODES; i++) {
      apiArgs.add(name(i) + "=" + SUBNET + i + ":" + STATUS_PORT);
    }
    api = startInNamespace(ns("api"), CaptureApi.class, apiArgs, work.resolve("capture-api.log"));
    await("capture API ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .until(() -> Files.exists(statusDir.resolve("ready")) || !api.isAlive());
    assertThat(api.isAlive()).as("capture API process (log %s)", work.resolve("capture-api.log")).isTrue();
    for (int i = 1; i <= NODES; i++) {
      Files.writeString(work.resolve(name(i) + ".conf"), config(i));
      startMonitor(i);
    }
    awaitAllHearEachOther(Duration.ofSeconds(60));
  }

  @AfterAll
  void tearDown() {
    cleanUp();
    if (cleanupOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      } catch (IllegalStateException e) {
        // already shutting down
      }
    }
  }

  private String ns(String suffix) {
    return "mhb" + id + "-" + suffix;
  }

  private String node(int i) {
    return ns("n" + i);
  }

  private static String name(int i) {
    return "cmp-" + i;
  }

  private String config(int i) {
    List<String> addresses = new ArrayList<>();
    for (int j = 1; j <= NODES; j++) {
      addresses.add(name(j) + "=" + SUBNET + j);
    }
    return String.join("\n",
        "[DEFAULT]", "hostname = " + name(i),
        "[api]", "auth_type = none", "endpoint = http://" + API_IP + ":" + API_PORT + "/v1", "timeout = 10",
        "[host]", "monitoring_driver = heartbeat", "disable_ipmi_check = true",
        "api_retry_max = 3", "api_retry_interval = 1",
        "[heartbeat]", "networks = management", "management_addresses = " + String.join(", ", addresses),
        "port = " + HEARTBEAT_PORT, "interval = 1", "dead_after = 3", "auth_key = netns-s3cret",
        "[status]", "bind_address = " + SUBNET + i, "hostmonitor_port = " + STATUS_PORT, "");
  }

  private void startMonitor(int i) throws IOException {
    monitors[i] = startInNamespace(node(i), Node.class,
        List.of("--config", work.resolve(name(i) + ".conf").toString()), work.resolve(name(i) + ".log"));
  }

  /** {@code ip netns exec NS java -cp <test classpath> MAIN ARGS}; ip execs java, so the pid is the JVM's. */
  private static Process startInNamespace(String ns, Class<?> main, List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns,
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(CHILD_JVM);
    cmd.addAll(List.of("-cp", testClasspath(), main.getName()));
    cmd.addAll(args);
    // stdin stays a pipe from us: the child exits when it reads EOF, i.e. when this JVM dies
    return new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
  }

  private static String testClasspath() {
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return cp;
  }

  // ---------------------------------------------------------------------------------- the tests

  @Test
  @Order(1)
  void aKilledMonitorWhoseInterfaceGoesDownIsReportedExactlyOnce() throws Exception {
    int mark = requests().size();
    long killedAt = System.currentTimeMillis();
    monitors[1].destroyForcibly(); // SIGKILL of cmp-1's hostmonitor: the usual reporter, so cmp-2 must report
    ip("-n", node(1), "link", "set", "eth0", "down");
    assertThat(monitors[1].waitFor(10, TimeUnit.SECONDS)).isTrue();

    await("a notification").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> posts(mark).size() >= 1);
    long detected = posts(mark).get(0).millis();
    LOG.info("FIGURE heartbeat netns, interval 1 s, dead_after 3 s: SIGKILL of a monitor (+ eth0 down) -> "
        + "COMPUTE_HOST STOPPED received by the capture API: {} ms", detected - killedAt);
    // the other survivor (cmp-3) decides at the same moment: a duplicate would arrive within a second
    await("no second notification").during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
        .until(() -> posts(mark).size() == 1);
    assertThat(posts(mark)).extracting(Request::summary)
        .containsExactly("from 10.250.0.2: COMPUTE_HOST cmp-1 STOPPED/OFFLINE/NORMAL");
    cmp1Reported = true;
  }

  @Test
  @Order(2)
  void twoPlusOnePartitionThePairReportsTheSingleNodeOnceWhichReportsNothing() throws Exception {
    int beforeRecovery = requests().size();
    recover();
    if (cmp1Reported) { // the reporter tells the API that cmp-1 is back, once
      await("STARTED of cmp-1").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
          .until(() -> posts(beforeRecovery).size() >= 1);
    }
    awaitCaptureQuiet();
    if (cmp1Reported) {
      assertThat(posts(beforeRecovery)).extracting(Request::summary)
          .containsExactly("from 10.250.0.2: COMPUTE_HOST cmp-1 STARTED/ONLINE/NORMAL");
    }
    // the single node can still reach the API (its start-up GET arrived): its silence is a decision
    assertThat(requests()).anyMatch(r -> r.from().equals(SUBNET + "3") && r.method().equals("GET"));

    int mark = requests().size();
    long cutAt = System.currentTimeMillis();
    // 2 + 1: cmp-3 cannot exchange anything with cmp-1 and cmp-2; everybody still reaches the API
    ip("-n", node(3), "route", "add", "blackhole", SUBNET + "1/32");
    ip("-n", node(3), "route", "add", "blackhole", SUBNET + "2/32");
    ip("-n", node(1), "route", "add", "blackhole", SUBNET + "3/32");
    ip("-n", node(2), "route", "add", "blackhole", SUBNET + "3/32");

    await("a notification").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
        .until(() -> posts(mark).size() >= 1);
    LOG.info("FIGURE heartbeat netns, interval 1 s, dead_after 3 s: 2 + 1 partition -> COMPUTE_HOST STOPPED "
        + "of the single node received by the capture API: {} ms", posts(mark).get(0).millis() - cutAt);
    // the single node has lost both peers as long as the pair has lost it: give it time to (not) decide
    long holdFrom = System.currentTimeMillis();
    await("nothing more").during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10))
        .until(() -> posts(mark).size() == 1);
    assertThat(posts(mark)).extracting(Request::summary)
        .containsExactly("from 10.250.0.1: COMPUTE_HOST cmp-3 STOPPED/OFFLINE/NORMAL");
    assertThat(requests()).noneMatch(r -> r.from().equals(SUBNET + "3") && r.method().equals("POST"));
    // and the single node, probed over the bridge, hears nobody and never tried to notify
    await("a fresh probe of cmp-3").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
        .until(() -> probedAt(3) > holdFrom);
    assertThat(status(3)).contains("masakari_hostmonitor_peers_alive 0",
        "masakari_hostmonitor_hosts_reported_total 0", "masakari_monitor_notification_attempts_total 0");
    assertThat(Files.readString(work.resolve("cmp-3.log"))).doesNotContain("); reporting it");
  }

  /** Whatever the previous test left: all links up, no cut, every monitor running and hearing the others. */
  private void recover() throws Exception {
    for (int i = 1; i <= NODES; i++) {
      ip("-n", node(i), "link", "set", "eth0", "up");
      for (int j = 1; j <= NODES; j++) {
        run(10, "ip", "-n", node(i), "route", "del", "blackhole", SUBNET + j + "/32"); // absent: fine
      }
      if (monitors[i] == null || !monitors[i].isAlive()) {
        startMonitor(i);
      }
    }
    awaitAllHearEachOther(Duration.ofSeconds(60));
  }

  /** Nothing new captured for 2 s. */
  private void awaitCaptureQuiet() throws IOException {
    int[] last = {requests().size()};
    long[] changedAt = {System.currentTimeMillis()};
    await("capture quiet").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
      int n = requests().size();
      if (n != last[0]) {
        last[0] = n;
        changedAt[0] = System.currentTimeMillis();
      }
      return System.currentTimeMillis() - changedAt[0] >= 2000;
    });
  }

  private void awaitAllHearEachOther(Duration atMost) {
    long from = System.currentTimeMillis();
    await("all monitors hear each other").atMost(atMost).pollInterval(Duration.ofMillis(250)).until(() -> {
      for (int i = 1; i <= NODES; i++) {
        if (!monitors[i].isAlive()) {
          throw new IllegalStateException(name(i) + " exited " + monitors[i].exitValue() + ", log: "
              + tail(work.resolve(name(i) + ".log")));
        }
        if (probedAt(i) <= from || !status(i).contains("masakari_hostmonitor_peers_alive " + (NODES - 1))) {
          return false;
        }
      }
      return true;
    });
  }

  // ---------------------------------------------------------------------------------- captures

  record Request(long millis, String from, String method, String path, String body) {
    String summary() {
      try {
        JsonNode n = JSON.readTree(body).path("notification");
        JsonNode p = n.path("payload");
        return "from " + from + ": " + n.path("type").asText() + " " + n.path("hostname").asText() + " "
            + p.path("event").asText() + "/" + p.path("cluster_status").asText() + "/" + p.path("host_status").asText();
      } catch (IOException e) {
        return "from " + from + ": unparsable " + body;
      }
    }
  }

  private List<Request> requests() throws IOException {
    if (!Files.exists(captured)) {
      return List.of();
    }
    String text = Files.readString(captured);
    List<Request> out = new ArrayList<>();
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) { // complete lines only
      if (!line.isEmpty()) {
        String[] f = line.split("\t", 5);
        out.add(new Request(Long.parseLong(f[0]), f[1], f[2], f[3], f.length > 4 ? f[4] : ""));
      }
    }
    return out;
  }

  /** Notifications posted after the first {@code mark} requests. */
  private List<Request> posts(int mark) throws IOException {
    List<Request> all = requests();
    return all.subList(Math.min(mark, all.size()), all.size()).stream()
        .filter(r -> r.method().equals("POST") && r.path().endsWith("/notifications")).toList();
  }

  private String status(int i) throws IOException {
    Path f = statusDir.resolve(name(i));
    return Files.exists(f) ? Files.readString(f) : "";
  }

  private long probedAt(int i) throws IOException {
    String s = status(i);
    return s.startsWith("# probed ") ? Long.parseLong(s.substring(9, s.indexOf('\n'))) : 0;
  }

  // ---------------------------------------------------------------------------------- namespaces and processes

  private void addNamespace(String ns) {
    ip("netns", "add", ns);
    namespaces.add(ns);
  }

  private synchronized void cleanUp() {
    List<Process> all = new ArrayList<>();
    for (Process p : monitors) {
      if (p != null) {
        all.add(p);
      }
    }
    if (api != null) {
      all.add(api);
    }
    all.forEach(Process::destroyForcibly);
    for (Process p : all) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (int k = namespaces.size() - 1; k >= 0; k--) {
      String ns = namespaces.get(k);
      // anything still inside a namespace this test created was started by this test
      for (String pid : run(10, "ip", "netns", "pids", ns).split("\\s+")) {
        if (pid.matches("\\d+")) {
          run(5, "kill", "-9", pid);
        }
      }
      String out = run(10, "ip", "netns", "del", ns);
      if (!out.isBlank()) {
        LOG.warn("ip netns del {}: {}", ns, out.strip());
      }
    }
    namespaces.clear();
  }

  private static void ensureIpInstalled() {
    if (run(5, "sh", "-c", "command -v ip >/dev/null && command -v bridge >/dev/null && echo ok").contains("ok")) {
      return;
    }
    String out = run(600, "sh", "-c", "DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2"
        + " || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q iproute2)");
    if (!run(5, "sh", "-c", "command -v ip >/dev/null && echo ok").contains("ok")) {
      throw new IllegalStateException("cannot install iproute2: " + out);
    }
  }

  private static void ip(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ip"));
    cmd.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", cmd));
      }
      String out = new String(p.getInputStream().readAllBytes(), UTF_8);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " -> " + p.exitValue() + ": " + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", cmd), e);
    }
  }

  /** Runs a command with a time limit; returns its output (stdout and stderr), never throws. */
  private static String run(long timeoutSeconds, String... cmd) {
    try {
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out";
      }
      return new String(p.getInputStream().readAllBytes(), UTF_8);
    } catch (IOException e) {
      return e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    } catch (IOException e) {
      return e.toString();
    }
  }

  /** Exits when stdin ends, i.e. when the test JVM that started this process is gone. */
  private static void exitWithParent() {
    Thread t = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // nothing is ever written; wait for EOF
        }
      } catch (IOException e) {
        // treat as EOF
      }
      System.exit(2);
    }, "parent-watch");
    t.setDaemon(true);
    t.start();
  }

  // ---------------------------------------------------------------------------------- the child processes

  /** A hostmonitor process: {@code masakari hostmonitor --config FILE} without the launcher. */
  public static final class Node {
    private Node() {}

    public static void main(String[] args) {
      exitWithParent();
      System.exit(new CommandLine(new HostMonitorCommand()).execute(args));
    }
  }

  /**
   * The capture API, run inside the namespaces: {@code BIND PORT CAPTURE_FILE STATUS_DIR name=ip:port...}.
   * Answers POST with 202 and anything else with 200, appending {@code millis TAB source TAB method
   * TAB path TAB body} per request; every 300 ms writes each node's /metrics to STATUS_DIR/name.
   */
  public static final class CaptureApi {
    private CaptureApi() {}

    public static void main(String[] args) throws Exception {
      exitWithParent();
      Path out = Path.of(args[2]);
      Path statusDir = Path.of(args[3]);
      HttpServer server = HttpServer.create(new InetSocketAddress(args[0], Integer.parseInt(args[1])), 16);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.createContext("/", ex -> {
        long now = System.currentTimeMillis();
        String body = new String(ex.getRequestBody().readAllBytes(), UTF_8).replace('\n', ' ').replace('\t', ' ');
        String line = now + "\t" + ex.getRemoteAddress().getAddress().getHostAddress() + "\t" + ex.getRequestMethod()
            + "\t" + ex.getRequestURI().getPath() + "\t" + body + "\n";
        synchronized (CaptureApi.class) {
          Files.writeString(out, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        byte[] resp = (ex.getRequestMethod().equals("POST") ? "{\"notification\":{}}" : "{\"versions\":[]}")
            .getBytes(UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(ex.getRequestMethod().equals("POST") ? 202 : 200, resp.length);
        ex.getResponseBody().write(resp);
        ex.close();
      });
      server.start();
      Files.writeString(statusDir.resolve("ready"), "ready\n");
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofMillis(700)).build();
      while (true) {
        for (int k = 4; k < args.length; k++) {
          String name = args[k].substring(0, args[k].indexOf('='));
          String target = args[k].substring(args[k].indexOf('=') + 1);
          String text;
          try {
            text = http.send(HttpRequest.newBuilder(URI.create("http://" + target + "/metrics"))
                .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString()).body();
          } catch (IOException e) {
            text = "unreachable: " + e + "\n";
          }
          Path tmp = statusDir.resolve(name + ".tmp");
          Files.writeString(tmp, "# probed " + System.currentTimeMillis() + "\n" + text);
          Files.move(tmp, statusDir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Thread.sleep(300);
      }
    }
  }
}
