package org.masakari.sim;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A raw HTTP client for tests: the calls exactly as a Nova client would send them. */
final class SimClient {
  /** One answer: status, the raw body and its JSON (null when empty). */
  record Reply(int status, String text, JsonObject json, java.net.http.HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final RunningSim sim;
  private final String token;

  SimClient(RunningSim sim, String user, String password) {
    this.sim = sim;
    Reply r = send("POST", sim.keystoneUrl() + "/auth/tokens", null, null, """
        {"auth": {"identity": {"methods": ["password"], "password": {"user": {"name": "%s",
         "domain": {"name": "Default"}, "password": "%s"}}},
         "scope": {"project": {"name": "%s", "domain": {"name": "Default"}}}}}
        """.formatted(user, password, user));
    if (r.status() != 201) {
      throw new IllegalStateException("auth failed: " + r.status() + " " + r.text());
    }
    this.token = r.header("X-Subject-Token");
  }

  String token() {
    return token;
  }

  Reply nova(String method, String path, String version, String body) {
    return send(method, sim.novaUrl() + path, token, version, body);
  }

  Reply get(String path, String version) {
    return nova("GET", path, version, null);
  }

  Reply control(String method, String path, String body) {
    return send(method, sim.novaRoot() + "/sim" + path, null, null, body);
  }

  Reply send(String method, String url, String authToken, String version, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (authToken != null) {
      b.header("X-Auth-Token", authToken);
    }
    if (version != null) {
      b.header("OpenStack-API-Version", "compute " + version);
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      JsonObject json = text == null || text.isBlank() ? null : new JsonObject(text);
      return new Reply(r.statusCode(), text, json, r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls a server until the condition holds, at most {@code timeout}; returns its last body. */
  JsonObject awaitServer(String id, Predicate<JsonObject> condition, Duration timeout) {
    JsonObject[] last = new JsonObject[1];
    boolean ok = Poll.until(timeout, () -> condition.test(last[0] = get("/servers/" + id, "2.53").json()
        .getJsonObject("server")));
    if (!ok) {
      throw new AssertionError("server " + id + " never reached the state; last: " + last[0]);
    }
    return last[0];
  }
}
