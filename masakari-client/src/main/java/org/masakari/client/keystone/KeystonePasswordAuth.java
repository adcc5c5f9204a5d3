package org.masakari.client.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v3 password authentication ({@code POST /v3/auth/tokens}) and catalog lookup of the
 * {@code instance-ha} endpoint for the configured interface and region. The token and endpoint are
 * cached until shortly before the token expires.
 */
public final class KeystonePasswordAuth implements ApiAccessProvider {
  private static final Logger LOG = LoggerFactory.getLogger(KeystonePasswordAuth.class);
  public static final String SERVICE_TYPE = "instance-ha";
  /** Re-authenticate this long before expiry so a token never dies in flight. */
  static final Duration EXPIRY_MARGIN = Duration.ofSeconds(60);

  private final ApiOptions options;
  private final HttpClient http;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();
  private final URI tokensUrl;

  private record Cached(ApiAccess access, Instant expiresAt) {}

  private volatile Cached cached;

  public KeystonePasswordAuth(ApiOptions options, HttpClient http, Clock clock) {
    this.options = options;
    this.http = http;
    this.clock = clock;
    this.tokensUrl = tokensUrl(options.authUrl().orElseThrow());
  }

  /** auth_url may name the Keystone root or its /v3 endpoint, as operators write both. */
  static URI tokensUrl(URI authUrl) {
    String base = authUrl.toString().replaceAll("/+$", "");
    if (!base.endsWith("/v3")) {
      base = base + "/v3";
    }
    return URI.create(base + "/auth/tokens");
  }

  @Override
  public synchronized ApiAccess access() {
    Cached c = cached;
    if (c != null && clock.instant().isBefore(c.expiresAt().minus(EXPIRY_MARGIN))) {
      return c.access();
    }
    cached = authenticate();
    return cached.access();
  }

  @Override
  public void forget() {
    cached = null;
  }

  private Cached authenticate() {
    HttpRequest req = HttpRequest.newBuilder(tokensUrl)
        .timeout(options.timeout())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(requestBody().toString()))
        .build();
    HttpResponse<String> resp;
    try {
      resp = http.send(req, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new KeystoneException("[keystone " + tokensUrl + "] unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KeystoneException("[keystone " + tokensUrl + "] interrupted", e);
    }
    if (resp.statusCode() != 201 && resp.statusCode() != 200) {
      throw new KeystoneException("[keystone " + tokensUrl + "] authentication failed: HTTP "
          + resp.statusCode() + " " + abbreviate(resp.body()));
    }
    String token = resp.headers().firstValue("X-Subject-Token")
        .orElseThrow(() -> new KeystoneException("[keystone " + tokensUrl + "] no X-Subject-Token"));
    JsonNode body;
    try {
      body = json.readTree(resp.body()).path("token");
    } catch (IOException e) {
      throw new KeystoneException("[keystone " + tokensUrl + "] unreadable token body", e);
    }
    URI endpoint = CatalogLookup.find(body.path("catalog"), SERVICE_TYPE,
        options.apiInterface(), options.region());
    Instant expires = body.hasNonNull("expires_at")
        ? Instant.parse(body.get("expires_at").asText()) : clock.instant().plus(Duration.ofHours(1));
    LOG.info("[keystone {}] authenticated; {} endpoint {} ({}, region {}), token expires {}",
        tokensUrl, SERVICE_TYPE, endpoint, options.apiInterface().wireName(), options.region(), expires);
    return new Cached(new ApiAccess(endpoint, Optional.of(token)), expires);
  }

  ObjectNode requestBody() {
    ApiOptions.Credentials c = options.credentials();
    ObjectNode root = json.createObjectNode();
    ObjectNode auth = root.putObject("auth");
    ObjectNode identity = auth.putObject("identity");
    identity.putArray("methods").add("password");
    ObjectNode user = identity.putObject("password").putObject("user");
    c.userId().ifPresent(v -> user.put("id", v));
    c.username().ifPresent(v -> user.put("name", v));
    if (c.userId().isEmpty()) {
      putDomain(user, c.userDomainId(), c.userDomainName());
    }
    user.put("password", c.password().orElse(""));
    if (c.projectId().isPresent() || c.projectName().isPresent()) {
      ObjectNode project = auth.putObject("scope").putObject("project");
      c.projectId().ifPresent(v -> project.put("id", v));
      c.projectName().ifPresent(v -> project.put("name", v));
      if (c.projectId().isEmpty()) {
        putDomain(project, c.projectDomainId(), c.projectDomainName());
      }
    } else if (c.domainId().isPresent() || c.domainName().isPresent()) {
      putDomain(auth.putObject("scope"), c.domainId(), c.domainName());
    } else if (c.systemScope().isPresent()) {
      auth.putObject("scope").putObject("system").put(c.systemScope().get(), true);
    }
    return root;
  }

  private static void putDomain(ObjectNode parent, Optional<String> id, Optional<String> name) {
    if (id.isEmpty() && name.isEmpty()) {
      return;
    }
    ObjectNode d = parent.putObject("domain");
    id.ifPresent(v -> d.put("id", v));
    if (id.isEmpty()) {
      name.ifPresent(v -> d.put("name", v));
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "" : (s.length() > 300 ? s.substring(0, 300) + "..." : s);
  }
}
