package org.masakari.sim.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.masakari.sim.CloudSim;
import org.masakari.sim.RunningSim;
import org.masakari.sim.SimConfig;
import org.masakari.sim.scenario.ScenarioLoader;

/**
 * Scale figure for docs/cloud-sim.md: one process with N hosts and M servers, time to start and
 * to list through the Nova API. Fixed number of rounds; loopback only.
 *
 * <pre>java -cp cloud-sim/target/classes:$(cat cp.txt) org.masakari.sim.bench.ScaleBenchmark [hosts] [servers] [rounds]</pre>
 */
public final class ScaleBenchmark {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private ScaleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int hosts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int servers = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    String yaml = "hosts: [{prefix: compute-, count: " + hosts + "}]\n"
        + "servers:\n  - {name_prefix: vm-, count: " + servers + ", project: admin, metadata: {HA_Enabled: \"True\"}}\n";
    long t0 = System.nanoTime();
    try (RunningSim sim = CloudSim.start(SimConfig.ephemeral().withScenario(ScenarioLoader.parse(yaml, "bench")))) {
      double startMs = ms(t0);
      System.gc();
      long heapMb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
      String token = token(sim);
      System.out.printf(Locale.ROOT, "cloud: %d hosts, %d servers; start+seed %.0f ms; heap after GC %d MiB%n",
          hosts, servers, startMs, heapMb);
      for (int r = 1; r <= rounds; r++) {
        long t = System.nanoTime();
        int listed = walk(sim, token, "/servers/detail?all_tenants=True&limit=1000");
        double detailAll = ms(t);
        t = System.nanoTime();
        int summaries = walk(sim, token, "/servers?all_tenants=True&limit=1000");
        double summaryAll = ms(t);
        t = System.nanoTime();
        int onHost = walk(sim, token, "/servers/detail?all_tenants=True&host=compute-" + (hosts / 2));
        double hostMs = ms(t);
        t = System.nanoTime();
        int services = get(sim, token, "/os-services?binary=nova-compute").getJsonArray("services").size();
        double servicesMs = ms(t);
        t = System.nanoTime();
        int hv = get(sim, token, "/os-hypervisors/detail").getJsonArray("hypervisors").size();
        double hvMs = ms(t);
        System.out.printf(Locale.ROOT, "round %d: detail all (%d, %d pages of 1000) %.0f ms | summary all (%d) %.0f ms | "
            + "detail one host (%d) %.1f ms | os-services (%d) %.1f ms | hypervisors detail (%d) %.1f ms%n",
            r, listed, (listed + 999) / 1000, detailAll, summaries, summaryAll, onHost, hostMs, services, servicesMs,
            hv, hvMs);
      }
    }
  }

  /** Follows the next links to the end; returns how many servers were listed. */
  private static int walk(RunningSim sim, String token, String first) throws IOException, InterruptedException {
    int count = 0;
    String path = first;
    for (int page = 0; page < 10_000 && path != null; page++) {
      JsonObject body = get(sim, token, path);
      count += body.getJsonArray("servers").size();
      JsonArray links = body.getJsonArray("servers_links");
      path = links == null ? null : links.getJsonObject(0).getString("href").substring(sim.novaUrl().length());
    }
    return count;
  }

  private static JsonObject get(RunningSim sim, String token, String path) throws IOException, InterruptedException {
    HttpRequest req = HttpRequest.newBuilder(URI.create(sim.novaUrl() + path)).header("X-Auth-Token", token)
        .header("OpenStack-API-Version", "compute 2.53").timeout(Duration.ofSeconds(60)).build();
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
    }
    return new JsonObject(r.body());
  }

  private static String token(RunningSim sim) throws IOException, InterruptedException {
    String body = "{\"auth\": {\"identity\": {\"methods\": [\"password\"], \"password\": {\"user\": {\"name\": \"admin\","
        + " \"domain\": {\"name\": \"Default\"}, \"password\": \"admin\"}}}, \"scope\": {\"project\": {\"name\": \"admin\","
        + " \"domain\": {\"name\": \"Default\"}}}}}";
    HttpRequest req = HttpRequest.newBuilder(URI.create(sim.keystoneUrl() + "/auth/tokens"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(req, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Subject-Token").orElseThrow();
  }

  private static double ms(long since) {
    return (System.nanoTime() - since) / 1e6;
  }
}
