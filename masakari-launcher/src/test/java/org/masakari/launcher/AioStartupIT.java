package org.masakari.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as an operator types it: {@code bin/masakari aio} from the packaged build
 * answers {@code GET /} and {@code openstack segment list}. The start-up time is printed (and recorded in
 * docs/performance.md); the bound asserted here is generous because CI machines are shared.
 */
class AioStartupIT {

  @Test
  void aioAnswersTheVersionDocumentAndTheCli(@TempDir Path tmp) throws Exception {
    SharedLabs.aptInstall("openstack", "python3-openstackclient", "python3-masakariclient");
    Path root = Path.of("").toAbsolutePath().getParent();
    int port = SharedLabs.freePort();
    Path log = tmp.resolve("aio.log");
    long t0 = System.nanoTime();
    Process aio = new ProcessBuilder(root.resolve("bin/masakari").toString(), "aio", "--data-dir",
        tmp.resolve("data").toString(), "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      long answeredAt = -1;
      while (System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(60) && aio.isAlive()) {
        try {
          HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
          if (r.statusCode() == 200) {
            answeredAt = System.nanoTime();
            break;
          }
        } catch (java.io.IOException e) {
          Thread.sleep(100);
        }
      }
      assertThat(answeredAt).as("aio answered GET / (log:\n" + Files.readString(log) + ")").isPositive();
      Process cli = new ProcessBuilder("/usr/bin/openstack", "--os-auth-type", "none", "--os-endpoint",
          "http://127.0.0.1:" + port + "/v1", "segment", "list", "-f", "json").redirectErrorStream(true).start();
      String out = new String(cli.getInputStream().readAllBytes());
      assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
      long listedAt = System.nanoTime();
      assertThat(cli.exitValue()).as(out).isZero();
      assertThat(out.strip()).isEqualTo("[]");
      double toRoot = (answeredAt - t0) / 1e9;
      double toList = (listedAt - t0) / 1e9;
      System.out.printf("aio start-up: GET / after %.1f s, openstack segment list done after %.1f s%n", toRoot, toList);
      assertThat(toRoot).isLessThan(30);
    } finally {
      aio.destroy();
      if (!aio.waitFor(15, TimeUnit.SECONDS)) {
        aio.destroyForcibly();
      }
    }
  }
}
