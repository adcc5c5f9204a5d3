package org.masakari.engine.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.masakari.core.domain.NotificationStatus;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.domain.VMove;
import org.masakari.core.queue.InProcessWorkQueue;
import org.masakari.core.queue.WorkItem;
import org.masakari.engine.Engine;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.OpenStack4jNova;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.TestDb;

/**
 * Benchmark, not a test: one failed host with N HA instances, every Nova/Keystone call delayed by L
 * seconds (WireMock global delay), default engine options (force-down on). Prints the time from the
 * notification being handed to the queue to the first and last evacuate call and to the last instance
 * confirmed, and upstream's time computed from its defaults for the same latency.
 *
 * <p>Run: {@code java -cp <test classpath> org.masakari.engine.bench.EvacuationBenchmark N L [threads]}
 */
public final class EvacuationBenchmark {
  private EvacuationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int n = Integer.parseInt(args[0]);
    double latency = Double.parseDouble(args[1]);
    List<String> ini = new ArrayList<>(List.of("[engine]", "jdbc_job_store = false"));
    if (args.length > 2) {
      ini.addAll(List.of("[DEFAULT]", "host_failure_recovery_threads = " + args[2]));
    }
    EngineOptions options = EngineOptions.from(org.masakari.client.config.IniFile.parse(null, ini));
    try (NovaStub nova = new NovaStub(); TestDb db = TestDb.h2()) {
      String seg = db.segment("bench", RecoveryMethod.AUTO, true);
      String host = db.host(seg, "bench-h", false);
      // a long-running engine is warm: recover one small host first, outside the measurement
      String warmHost = db.host(seg, "warm-h", false);
      nova.service("warm-h", "svc-warm", "enabled", false);
      String warmServer = "ffffffff-0000-0000-0000-000000000000";
      nova.serversOnHost("warm-h", NovaStub.server(warmServer, "warm-h", "active", null, true));
      nova.serverEvacuable(warmServer, NovaStub.server(warmServer, "warm-h", "active", null, true),
          NovaStub.server(warmServer, "spare-0", "active", null, true));
      nova.service("bench-h", "svc-bench", "enabled", false);
      String[] servers = new String[n];
      for (int i = 0; i < n; i++) {
        String id = String.format(Locale.ROOT, "00000000-0000-0000-0000-%012d", i);
        servers[i] = NovaStub.server(id, "bench-h", "active", null, true);
        nova.serverEvacuable(id, servers[i], NovaStub.server(id, "spare-" + (i % 3), "active", null, true));
      }
      nova.serversOnHost("bench-h", servers);
      nova.wm().setGlobalFixedDelay((int) (latency * 1000));
      InProcessWorkQueue queue = new InProcessWorkQueue();
      try (Engine engine = Engine.start(options, db.db(), queue, new OpenStack4jNova(nova.credentials()))) {
        String warm = db.notification(warmHost, NotificationType.COMPUTE_HOST,
            "{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}", NotificationStatus.NEW);
        queue.publish(new WorkItem(warm, warmHost, "COMPUTE_HOST"));
        waitForEnd(db, warm);
        nova.wm().resetRequests();
        String uuid = db.notification(host, NotificationType.COMPUTE_HOST,
            "{\"event\":\"STOPPED\",\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}", NotificationStatus.NEW);
        Instant t0 = Instant.now();
        queue.publish(new WorkItem(uuid, host, "COMPUTE_HOST"));
        waitForEnd(db, uuid);
        Instant end = Instant.now();
        List<Instant> evacuations = nova.wm().findAll(postRequestedFor(urlMatching(".*/servers/.*/action"))).stream()
            .filter(r -> r.getBodyAsString().contains("\"evacuate\"")).map(LoggedRequest::getLoggedDate)
            .map(java.util.Date::toInstant).sorted().toList();
        Instant lastConfirmed = db.vmoves(uuid).stream().map(VMove::getEndTime)
            .map(t -> t.toInstant(ZoneOffset.UTC)).max(Instant::compareTo).orElse(end);
        double first = secs(t0, evacuations.get(0));
        double last = secs(t0, evacuations.get(evacuations.size() - 1));
        double confirmed = secs(t0, lastConfirmed);
        System.out.printf(Locale.ROOT, "RESULT instances=%d latency=%.1fs threads=%d status=%s evacuate_calls=%d"
                + " first_evacuate=%.1fs last_evacuate=%.1fs last_confirmed=%.1fs finished=%.1fs%n",
            n, latency, options.timing().recoveryThreads(), db.status(uuid).wire(), evacuations.size(), first, last,
            confirmed, secs(t0, end));
        Upstream u = Upstream.of(n, latency);
        System.out.printf(Locale.ROOT, "UPSTREAM instances=%d latency=%.1fs first_evacuate=%.1fs last_evacuate=%.1fs"
            + " last_confirmed=%.1fs%n", n, latency, u.first, u.last, u.confirmed);
      }
    }
  }

  private static void waitForEnd(TestDb db, String uuid) throws InterruptedException {
    CountDownLatch never = new CountDownLatch(1);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
    while (db.status(uuid) == NotificationStatus.NEW || db.status(uuid) == NotificationStatus.RUNNING) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("benchmark did not finish within 30 min");
      }
      never.await(50, TimeUnit.MILLISECONDS);
    }
  }

  private static double secs(Instant a, Instant b) {
    return Duration.between(a, b).toMillis() / 1000.0;
  }

  /**
   * Upstream's timing from its defaults for the same per-call latency L (contract §5.3/§5.9): disable
   * (2 calls: list + PUT) then the fixed 180 s sleep, list servers (1), then per instance, 3 at a time:
   * get + lock + evacuate, then polls every verify_interval (1 s sleep + 1 get) until moved — at least
   * one, assuming Nova has moved it by the first poll — then unlock.
   */
  record Upstream(double first, double last, double confirmed) {
    static Upstream of(int n, double l) {
      double start = 2 * l + 180 + l;
      double perInstance = 3 * l + (1 + l) + l;
      int rounds = (n + 2) / 3;
      double first = start + 3 * l;
      double last = start + (rounds - 1) * perInstance + 3 * l;
      double confirmed = start + rounds * perInstance - l;
      return new Upstream(first, last, confirmed);
    }
  }
}
