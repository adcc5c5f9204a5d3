package org.masakari.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.TestDatabase;

/**
 * A bounded random walk over paths, methods, headers and bodies (3 000 requests, at most 3 minutes):
 * the API must never answer 5xx to client input and must keep the connection usable.
 */
class FuzzTest {
  private static final int REQUESTS = 3000;
  private static final Duration BUDGET = Duration.ofMinutes(3);
  private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"};
  private static final String[] FIELDS = {"segment", "host", "notification", "name", "recovery_method", "service_type",
      "description", "enabled", "type", "control_attributes", "reserved", "on_maintenance", "hostname",
      "generated_time", "payload", "event", "instance_uuid", "vir_domain_event", "process_name", "host_status"};

  @Test
  void randomRequestsNeverCauseServerErrors() throws Exception {
    Random rnd = new Random(20261122L);
    try (ApiFixture api = ApiFixture.start(TestDatabase.Kind.H2)) {
      String seg = api.segment("fuzz", "auto");
      String host = api.host(seg, "fuzz-host");
      List<String> paths = List.of("/", "/v1", "/v1/", "/v1/segments", "/v1/segments/" + seg, "/v1/segments/" + seg + "/hosts",
          "/v1/segments/" + seg + "/hosts/" + host, "/v1/notifications", "/v1/notifications/" + seg,
          "/v1/notifications/" + seg + "/vmoves", "/v1/extensions", "/v1/versions/v1.0", "/v1/abc/segments",
          "/v1/segments/new", "/v1/segments/x/edit", "/healthcheck", "/v1/segments.json");
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      long deadline = System.nanoTime() + BUDGET.toNanos();
      List<String> failures = new ArrayList<>();
      int sent = 0;
      for (; sent < REQUESTS && System.nanoTime() < deadline; sent++) {
        String path = paths.get(rnd.nextInt(paths.size())) + query(rnd);
        String method = METHODS[rnd.nextInt(METHODS.length)];
        String body = rnd.nextInt(4) == 0 ? null : body(rnd, 0);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api.base() + path)).timeout(Duration.ofSeconds(20))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (rnd.nextBoolean()) {
          b.header("Content-Type", rnd.nextInt(5) == 0 ? "application/xml" : "application/json");
        }
        if (rnd.nextInt(3) == 0) {
          b.header("OpenStack-API-Version", "instance-ha " + new String[] {"1.0", "1.1", "1.2", "1.3", "1.4", "latest",
              "x", "0.1", "2.0", ""}[rnd.nextInt(9)]);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 500) {
          failures.add(method + " " + path + " " + body + " -> " + r.statusCode() + " " + r.body());
        }
      }
      assertThat(sent).isGreaterThan(500);
      assertThat(failures).isEmpty();
      // still serving (the segment itself may have been deleted by a fuzzed, valid DELETE)
      assertThat(api.get("/v1/segments").status()).isEqualTo(200);
    }
  }

  private static String query(Random rnd) {
    if (rnd.nextInt(3) != 0) {
      return "";
    }
    String[] keys = {"limit", "marker", "sort_key", "sort_dir", "enabled", "reserved", "on_maintenance", "status",
        "generated-since", "type", "page_size", "recovery_method"};
    String[] values = {"1", "-5", "abc", "0", "99999999999999999999", "name", "asc", "up", "true", "maybe",
        "2026-01-01T00:00:00Z", "%27", "", "created_at", "payload"};
    StringBuilder sb = new StringBuilder("?");
    for (int i = 0; i <= rnd.nextInt(3); i++) {
      sb.append(i > 0 ? "&" : "").append(keys[rnd.nextInt(keys.length)]).append('=').append(values[rnd.nextInt(values.length)]);
    }
    return sb.toString();
  }

  private static String body(Random rnd, int depth) {
    int kind = rnd.nextInt(depth > 2 ? 6 : 9);
    switch (kind) {
      case 0: return "null";
      case 1: return String.valueOf(rnd.nextInt(2000) - 1000);
      case 2: return rnd.nextBoolean() ? "true" : "false";
      case 3: return "\"" + new String[] {"", " x", "auto", "COMPUTE", "2026-01-01", "yes", "\\u0000", "é", "a\\tb",
          "00000000-0000-0000-0000-000000000000"}[rnd.nextInt(10)] + "\"";
      case 4: return "1.5e300";
      case 5: return new String[] {"{", "[1,", "{\"a\":}", "\u0000", "{}}"}[rnd.nextInt(5)];
      case 6:
      case 7: {
        StringBuilder sb = new StringBuilder("{");
        int n = rnd.nextInt(5);
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," : "").append('"').append(FIELDS[rnd.nextInt(FIELDS.length)]).append("\":")
              .append(body(rnd, depth + 1));
        }
        return sb.append('}').toString();
      }
      default: {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < rnd.nextInt(4); i++) {
          sb.append(i > 0 ? "," : "").append(body(rnd, depth + 1));
        }
        return sb.append(']').toString();
      }
    }
  }
}
