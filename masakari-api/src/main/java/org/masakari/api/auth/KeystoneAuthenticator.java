package org.masakari.api.auth;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.masakari.core.config.KeystoneAuthOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * keystonemiddleware's job: validate {@code X-Auth-Token} with {@code GET /v3/auth/tokens} using our
 * service token, build the context (user, project, roles, system scope) and cache the result until the
 * token expires (at most token_cache_time, in a bounded LRU). Keystone unreachable → 503, not 401.
 */
public final class KeystoneAuthenticator implements Authenticator {
  private static final Logger LOG = LoggerFactory.getLogger(KeystoneAuthenticator.class);

  private final KeystoneAuthOptions opts;
  private final WebClient http;
  private final String v3;
  private final Function<RequestContext, Boolean> isAdmin;
  private final Map<String, Cached> cache;
  private volatile String serviceToken;
  private volatile Instant serviceTokenExpiry = Instant.EPOCH;

  private record Cached(RequestContext context, Instant until) {}

  /** Keystone could not be asked. */
  public static final class KeystoneUnavailable extends RuntimeException {
    public KeystoneUnavailable(String why) {
      super(why, null, false, false);
    }
  }

  public KeystoneAuthenticator(Vertx vertx, KeystoneAuthOptions opts, Function<RequestContext, Boolean> isAdmin) {
    this.opts = opts;
    this.isAdmin = isAdmin;
    this.http = WebClient.create(vertx, new WebClientOptions().setConnectTimeout(5000)
        .setTrustAll(opts.insecure()).setVerifyHost(!opts.insecure()).setKeepAlive(true));
    String base = opts.authUrl().replaceAll("/+$", "");
    this.v3 = base.endsWith("/v3") ? base : base + "/v3";
    int size = Math.max(1, opts.cacheSize());
    this.cache = new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
        return size() > size;
      }
    };
  }

  public String wwwAuthenticate() {
    return "Keystone uri=\"" + (opts.wwwAuthenticateUri() == null ? v3 : opts.wwwAuthenticateUri()) + "\"";
  }

  @Override
  public Future<RequestContext> authenticate(MultiMap headers) {
    String token = headers.get("X-Auth-Token");
    if (token == null) {
      token = headers.get("X-Storage-Token");
    }
    if (token == null || token.isBlank()) {
      return Future.failedFuture(new Unauthorized("no token"));
    }
    Cached c;
    synchronized (cache) {
      c = cache.get(token);
      if (c != null && c.until().isBefore(Instant.now())) {
        cache.remove(token);
        c = null;
      }
    }
    if (c != null) {
      return Future.succeededFuture(c.context());
    }
    String t = token;
    return validate(t, true);
  }

  private Future<RequestContext> validate(String token, boolean retry) {
    return serviceToken().compose(svc -> http.getAbs(v3 + "/auth/tokens")
        .putHeader("X-Auth-Token", svc).putHeader("X-Subject-Token", token)
        .timeout(10_000).send()
        .recover(err -> Future.failedFuture(new KeystoneUnavailable(err.toString())))
        .compose(resp -> {
          if (resp.statusCode() == 200) {
            RequestContext ctx = toContext(resp, token);
            remember(token, ctx, resp.bodyAsJsonObject().getJsonObject("token").getString("expires_at"));
            return Future.succeededFuture(ctx);
          }
          if (resp.statusCode() == 401 && retry) {
            serviceTokenExpiry = Instant.EPOCH; // our service token was revoked or expired
            return validate(token, false);
          }
          if (resp.statusCode() == 404 || resp.statusCode() == 401 || resp.statusCode() == 403) {
            return Future.failedFuture(new Unauthorized("token rejected by Keystone (" + resp.statusCode() + ")"));
          }
          return Future.failedFuture(new KeystoneUnavailable("Keystone answered " + resp.statusCode()));
        }));
  }

  private RequestContext toContext(HttpResponse<Buffer> resp, String token) {
    JsonObject t = resp.bodyAsJsonObject().getJsonObject("token");
    JsonObject user = t.getJsonObject("user", new JsonObject());
    JsonObject project = t.getJsonObject("project");
    List<String> roles = new ArrayList<>();
    JsonArray r = t.getJsonArray("roles", new JsonArray());
    for (int i = 0; i < r.size(); i++) {
      roles.add(r.getJsonObject(i).getString("name"));
    }
    String system = t.containsKey("system") ? "all" : null;
    RequestContext ctx = new RequestContext(user.getString("id"), user.getString("name"),
        project == null ? null : project.getString("id"), project == null ? null : project.getString("name"),
        List.copyOf(roles), system, false, token);
    return ctx.withAdmin(isAdmin.apply(ctx));
  }

  private void remember(String token, RequestContext ctx, String expiresAt) {
    Instant until = Instant.now().plus(opts.cacheTime());
    try {
      Instant exp = OffsetDateTime.parse(expiresAt).toInstant();
      if (exp.isBefore(until)) {
        until = exp;
      }
    } catch (RuntimeException e) {
      until = Instant.now().plus(Duration.ofSeconds(30));
    }
    if (opts.cacheSize() == 0 || opts.cacheTime().isZero()) {
      return;
    }
    synchronized (cache) {
      cache.put(token, new Cached(ctx, until));
    }
  }

  private Future<String> serviceToken() {
    String current = serviceToken;
    if (current != null && Instant.now().isBefore(serviceTokenExpiry)) {
      return Future.succeededFuture(current);
    }
    JsonObject body = new JsonObject().put("auth", new JsonObject()
        .put("identity", new JsonObject().put("methods", new JsonArray().add("password"))
            .put("password", new JsonObject().put("user", new JsonObject().put("name", opts.username())
                .put("password", opts.password())
                .put("domain", new JsonObject().put("name", opts.userDomainName())))))
        .put("scope", new JsonObject().put("project", new JsonObject().put("name", opts.projectName())
            .put("domain", new JsonObject().put("name", opts.projectDomainName())))));
    return http.postAbs(v3 + "/auth/tokens").timeout(10_000).sendJsonObject(body)
        .recover(err -> Future.failedFuture(new KeystoneUnavailable(err.toString())))
        .compose(resp -> {
          if (resp.statusCode() != 201 && resp.statusCode() != 200) {
            LOG.error("Keystone refused the service user {} ({})", opts.username(), resp.statusCode());
            return Future.failedFuture(new KeystoneUnavailable("service user authentication failed: " + resp.statusCode()));
          }
          String tok = resp.getHeader("X-Subject-Token");
          Instant exp = Instant.now().plusSeconds(300);
          try {
            exp = OffsetDateTime.parse(resp.bodyAsJsonObject().getJsonObject("token").getString("expires_at"))
                .toInstant().minusSeconds(60);
          } catch (RuntimeException e) {
            LOG.debug("service token without parsable expiry; renewing in 5 minutes");
          }
          serviceToken = tok;
          serviceTokenExpiry = exp;
          return Future.succeededFuture(tok);
        });
  }
}
