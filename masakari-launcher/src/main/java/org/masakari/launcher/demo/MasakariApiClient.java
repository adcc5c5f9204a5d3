package org.masakari.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * A small Masakari API client for the demo, {@code masakari watch}, the end-to-end tests and the MTTR
 * benchmark: Keystone password auth (token reused until the API answers 401) or no auth (noauth2),
 * JSON in and out. It speaks only to the URLs it is given.
 */
public final class MasakariApiClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** 1.1 shows recovery_workflow_details; 1.3 lists vmoves. */
  public static final String MICROVERSION = "instance-ha 1.3";

  /** Password credentials of a user in domain Default; null for noauth2 APIs. */
  public record Credentials(String authUrl, String username, String password, String project) {}

  /** An answer: status and parsed body (an empty object when there was none). */
  public record Response(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  private final URI endpoint;
  private final Credentials credentials;
  private final HttpClient http;
  private volatile String token;

  /** @param endpoint the API base with version, e.g. {@code http://127.0.0.1:15868/v1} */
  public MasakariApiClient(URI endpoint, Credentials credentials, HttpClient http) {
    this.endpoint = endpoint;
    this.credentials = credentials;
    this.http = http;
  }

  public static MasakariApiClient create(String endpoint, Credentials credentials) {
    return new MasakariApiClient(URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1)
        : endpoint), credentials, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  public URI endpoint() {
    return endpoint;
  }

  public Response get(String path) throws IOException, InterruptedException {
    return send("GET", path, null);
  }

  public Response post(String path, String jsonBody) throws IOException, InterruptedException {
    return send("POST", path, jsonBody);
  }

  public Response put(String path, String jsonBody) throws IOException, InterruptedException {
    return send("PUT", path, jsonBody);
  }

  /** Sends once; on 401 with a cached token, authenticates again and sends once more. */
  public Response send(String method, String path, String jsonBody) throws IOException, InterruptedException {
    Response r = sendOnce(method, path, jsonBody);
    if (r.status() == 401 && credentials != null) {
      token = null;
      r = sendOnce(method, path, jsonBody);
    }
    return r;
  }

  private Response sendOnce(String method, String path, String jsonBody) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(TIMEOUT)
        .header("Accept", "application/json").header("OpenStack-API-Version", MICROVERSION)
        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(jsonBody));
    if (jsonBody != null) {
      b.header("Content-Type", "application/json");
    }
    currentToken().ifPresent(t -> b.header("X-Auth-Token", t));
    HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(resp.statusCode(), parse(resp.body()));
  }

  /** A project-scoped token for the credentials (empty for noauth2). */
  public Optional<String> currentToken() throws IOException, InterruptedException {
    if (credentials == null) {
      return Optional.empty();
    }
    String t = token;
    if (t == null) {
      t = KeystoneToken.issue(http, credentials);
      token = t;
    }
    return Optional.of(t);
  }

  static JsonNode parse(String body) throws IOException {
    return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
  }

  static ObjectMapper json() {
    return JSON;
  }
}
