package org.masakari.launcher;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.masakari.launcher.demo.MasakariApiClient;
import org.masakari.launcher.demo.RecoveryWatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code masakari watch}: a text view of recovery, read from the API: notifications changing status and
 * instances landing on their new hosts. Authenticates with the {@code OS_*} variables when
 * {@code OS_AUTH_URL} is set (the demo's openrc), else without a token (noauth2).
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Show notifications and instance moves as they happen (reads the API).")
public final class WatchCommand implements Callable<Integer> {
  @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:15868/v1", description = "Masakari API (default: ${DEFAULT-VALUE})")
  String endpoint;

  @Option(names = "--interval", defaultValue = "1", description = "seconds between polls (default: ${DEFAULT-VALUE})")
  double intervalSeconds;

  @Option(names = "--for", defaultValue = "3600", description = "stop after this many seconds (default: ${DEFAULT-VALUE})")
  long forSeconds;

  @Override
  public Integer call() throws InterruptedException {
    Map<String, String> env = System.getenv();
    MasakariApiClient.Credentials creds = env.get("OS_AUTH_URL") == null ? null
        : new MasakariApiClient.Credentials(env.get("OS_AUTH_URL"), env.get("OS_USERNAME"), env.get("OS_PASSWORD"),
            env.getOrDefault("OS_PROJECT_NAME", env.get("OS_TENANT_NAME")));
    RecoveryWatch watch = new RecoveryWatch(MasakariApiClient.create(endpoint, creds));
    System.out.println("watching " + endpoint + " every " + intervalSeconds + " s (Ctrl-C to stop)");
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    long periodMs = Math.max(100, (long) (intervalSeconds * 1000));
    timer.scheduleWithFixedDelay(() -> {
      try {
        watch.poll().forEach(System.out::println);
      } catch (java.io.IOException e) {
        System.out.println("API not reachable: " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, 0, periodMs, TimeUnit.MILLISECONDS);
    // bounded: the view ends after --for even if nobody presses Ctrl-C
    timer.awaitTermination(Duration.ofSeconds(forSeconds).toMillis(), TimeUnit.MILLISECONDS);
    timer.shutdownNow();
    return 0;
  }
}
