package org.masakari.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.HostStatus;
import org.masakari.client.notifier.Notification;
import org.masakari.client.notifier.NotificationJson;
import org.masakari.sim.cloud.CloudSettings;
import org.masakari.sim.cloud.Migration;
import org.masakari.sim.control.CallFault;
import org.masakari.sim.control.FaultInjector;
import org.masakari.sim.scenario.ScenarioLoader;

/**
 * Host-failure MTTR on cloud-sim (issue 4 "Benchmarks"): the whole all-in-one (API in keystone mode, engine
 * with its defaults, H2, in-process queue) against the simulator in this JVM. For each case, hosts fail in
 * the simulator, hostmonitor's notification is posted per host, and the simulator's migration records
 * give the time of the first and last accepted evacuate call and of the last instance ACTIVE. The heap
 * figure is the JVM's peak used heap sampled every 100 ms (API + engine + simulator, garbage included).
 * Next to each case: upstream's defaults computed by {@link UpstreamDefaultsModel} from the same Nova.
 *
 * <p>A discarded warm-up case runs first. Run: {@code bench/mttr-bench.sh [case ...]}; cases: single-10, single-100, single-1000,
 * single-10-0.5s, single-100-0.5s, single-1000-0.5s (issue 3's latency), single-10-1s,
 * single-200-1s, single-200-1s-t50 (host_failure_recovery_threads = 50), rack-50x100.
 */
public final class MttrBenchmark {
  private static final Duration REBUILD = Duration.ofSeconds(1);
  private static final Duration RUN_LIMIT = Duration.ofMinutes(20);

  /** @param recoveryThreads host_failure_recovery_threads, 0 for the engine's default */
  record Case(String name, int failedHosts, int perHost, Duration callLatency, int recoveryThreads) {
    Case(String name, int failedHosts, int perHost, Duration callLatency) {
      this(name, failedHosts, perHost, callLatency, 0);
    }

    int instances() {
      return failedHosts * perHost;
    }
  }

  static final List<Case> CASES = List.of(
      new Case("single-10", 1, 10, Duration.ZERO),
      new Case("single-100", 1, 100, Duration.ZERO),
      new Case("single-1000", 1, 1000, Duration.ZERO),
      new Case("single-10-0.5s", 1, 10, Duration.ofMillis(500)),
      new Case("single-100-0.5s", 1, 100, Duration.ofMillis(500)),
      new Case("single-1000-0.5s", 1, 1000, Duration.ofMillis(500)),
      new Case("single-10-1s", 1, 10, Duration.ofSeconds(1)),
      new Case("single-200-1s", 1, 200, Duration.ofSeconds(1)),
      new Case("single-200-1s-t50", 1, 200, Duration.ofSeconds(1), 50),
      new Case("rack-50x100", 50, 100, Duration.ZERO));

  record Result(Case c, double firstEvacuate, double lastEvacuate, double allActive, double finished,
      long heapPeakMiB, int evacuatedTwice, int notActive, Map<String, Long> outcomes) {}

  public static void main(String[] args) throws Exception {
    Set<String> wanted = Set.of(args);
    // one discarded run first, so that the first case is not timed on a cold JVM
    System.out.println("warm-up: " + row(run(CASES.get(0))));
    List<Result> results = new ArrayList<>();
    for (Case c : CASES) {
      if (wanted.isEmpty() || wanted.contains(c.name())) {
        Result r = run(c);
        results.add(r);
        System.out.println(row(r));
      }
    }
    System.out.println();
    System.out.println("| case | HA instances | Nova call latency | first evacuate | last evacuate | all ACTIVE | notifications"
        + " finished | heap peak | upstream defaults: first / last / all ACTIVE | ratio (all ACTIVE) |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    results.forEach(r -> System.out.println(row(r)));
    System.exit(0);
  }

  static Result run(Case c) throws Exception {
    Path dir = Files.createTempDirectory("mttr-" + c.name());
    List<String> failed = IntStream.rangeClosed(1, c.failedHosts()).mapToObj(i -> "failed-" + i).toList();
    int spareCount = Math.max(10, c.failedHosts());
    List<String> spares = IntStream.rangeClosed(1, spareCount).mapToObj(i -> "spare-" + i).toList();
    List<String> all = new ArrayList<>(failed);
    all.addAll(spares);
    String yaml = String.join("\n",
        "users:",
        "  - {name: admin, password: admin, project: admin, role: admin}",
        "  - {name: masakari, password: masakari, project: service, role: admin}",
        "hosts: [" + String.join(", ", all) + "]",
        "servers:",
        "  - {name_prefix: ha-, count: " + c.instances() + ", hosts: [" + String.join(", ", failed)
            + "], project: admin, metadata: {HA_Enabled: \"True\"}}",
        "");
    CloudLayout layout = new CloudLayout(ScenarioLoader.parse(yaml, c.name()), "bench", all, null);
    try (DemoCloud cloud = DemoCloud.start(DemoOptions.defaults(dir, "127.0.0.1", 0).withSimPorts(0, 0)
        .withSettings(CloudSettings.defaults().withRebuildDelay(REBUILD))
        .withExtraLines(c.recoveryThreads() == 0 ? List.of()
            : List.of("[DEFAULT]", "host_failure_recovery_threads = " + c.recoveryThreads())), layout)) {
      MasakariApiClient api = cloud.adminClient();
      api.currentToken();
      if (!c.callLatency().isZero()) {
        cloud.sim().faults().set(FaultInjector.ANY, new CallFault(c.callLatency(), 0.0, 500));
      }
      HeapSampler heap = HeapSampler.start();
      failed.forEach(h -> cloud.sim().state().failHost(h));
      Instant t0 = Instant.now();
      List<String> ids = new ArrayList<>();
      for (String h : failed) {
        String body = NotificationJson.body(Notification.hostStopped(h, GeneratedTime.now(Clock.systemUTC()),
            HostStatus.NORMAL));
        MasakariApiClient.Response r = api.post("/notifications", body);
        if (r.status() != 202) {
          throw new IllegalStateException("POST /notifications " + r.status() + " " + r.body());
        }
        ids.add(r.body().path("notification").path("notification_uuid").asText());
      }
      Map<String, String> status = awaitTerminal(api, ids, t0);
      double finished = seconds(t0, Instant.now());
      long heapPeak = heap.stop();
      List<Migration> migrations = new SimView(cloud.sim()).migrations();
      Set<String> seen = new HashSet<>();
      int twice = (int) migrations.stream().filter(m -> !seen.add(m.instanceUuid())).count();
      Set<String> failedSet = Set.copyOf(failed);
      int notActive = (int) new SimView(cloud.sim()).serversNamed("ha-").stream()
          .filter(s -> !s.status().equals("ACTIVE") || failedSet.contains(s.host())).count();
      Instant first = migrations.stream().map(Migration::createdAt).min(Instant::compareTo).orElse(t0);
      Instant last = migrations.stream().map(Migration::createdAt).max(Instant::compareTo).orElse(t0);
      Instant active = migrations.stream().filter(m -> m.status().equals(Migration.DONE))
          .map(Migration::updatedAt).max(Instant::compareTo).orElse(t0);
      return new Result(c, seconds(t0, first), seconds(t0, last), seconds(t0, active), finished, heapPeak, twice,
          notActive, status.values().stream().collect(Collectors.groupingBy(s -> s, Collectors.counting())));
    }
  }

  /** Polls the API until every notification is finished, ignored, error or failed (bounded by RUN_LIMIT). */
  private static Map<String, String> awaitTerminal(MasakariApiClient api, List<String> ids, Instant t0)
      throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      Map<String, String> status = new java.util.concurrent.ConcurrentHashMap<>();
      while (Duration.between(t0, Instant.now()).compareTo(RUN_LIMIT) < 0) {
        for (String id : ids) {
          if (!FastDemo.TERMINAL.contains(status.getOrDefault(id, "new"))) {
            JsonNode n = api.get("/notifications/" + id).body().path("notification");
            status.put(id, n.path("status").asText());
          }
        }
        if (status.size() == ids.size() && status.values().stream().allMatch(FastDemo.TERMINAL::contains)) {
          return status;
        }
        timer.schedule(() -> null, 200, TimeUnit.MILLISECONDS).get();
      }
      throw new IllegalStateException("not finished within " + RUN_LIMIT + ": " + status);
    } finally {
      timer.shutdownNow();
    }
  }

  static String row(Result r) {
    Case c = r.c();
    UpstreamDefaultsModel up = new UpstreamDefaultsModel(c.callLatency().toMillis() / 1000.0,
        REBUILD.toMillis() / 1000.0);
    double upActive = up.allActive(c.perHost());
    // Nova records an evacuation after its injected latency; the call was sent that much earlier
    double latency = c.callLatency().toMillis() / 1000.0;
    String first = latency == 0 ? String.format("%.2f s", r.firstEvacuate())
        : String.format("%.2f s (sent at %.2f s)", r.firstEvacuate(), r.firstEvacuate() - latency);
    return String.format("| %s | %d (%d host%s) | %s s | %s | %.1f s | %.1f s | %.1f s %s | %d MiB |"
            + " %.0f s / %.0f s / %.0f s | %.1f× |%s",
        c.name(), c.instances(), c.failedHosts(), c.failedHosts() == 1 ? "" : "s",
        new java.math.BigDecimal(c.callLatency().toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString(),
        first, r.lastEvacuate(), r.allActive(), r.finished(), r.outcomes(), r.heapPeakMiB(),
        up.firstEvacuate(), up.lastEvacuate(c.perHost()), upActive, upActive / r.allActive(),
        r.evacuatedTwice() == 0 && r.notActive() == 0 ? ""
            : " evacuated twice: " + r.evacuatedTwice() + ", not ACTIVE elsewhere: " + r.notActive());
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }

  /** Peak used heap, sampled every 100 ms on a daemon timer. */
  private static final class HeapSampler {
    private final ScheduledExecutorService timer;
    private final AtomicLong peak;

    private HeapSampler(ScheduledExecutorService timer, AtomicLong peak) {
      this.timer = timer;
      this.peak = peak;
    }

    static HeapSampler start() {
      MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
      System.gc();
      AtomicLong peak = new AtomicLong();
      ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread th = new Thread(r, "heap-sampler");
        th.setDaemon(true);
        return th;
      });
      t.scheduleAtFixedRate(() -> peak.accumulateAndGet(mem.getHeapMemoryUsage().getUsed(), Math::max),
          0, 100, TimeUnit.MILLISECONDS);
      return new HeapSampler(t, peak);
    }

    long stop() {
      timer.shutdownNow();
      return peak.get() / (1024 * 1024);
    }
  }
}
