package org.masakari.api.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.masakari.api.auth.Authenticator;
import org.masakari.api.auth.KeystoneAuthenticator;
import org.masakari.api.auth.RequestContext;
import org.masakari.api.resources.VersionDocuments;
import org.masakari.core.fault.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline in upstream's order: request id → (root, healthcheck, choices) or v1:
 * authenticate → route (plain 404) → microversion (400/406) → content type (415) → implemented
 * action (405) → URL project check (400) → controller. All failures go through one mapping here.
 */
public final class ApiHandler implements Handler<RoutingContext> {
  private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
  private static final Logger ACCESS = LoggerFactory.getLogger("masakari.api.access");
  private static final Pattern REQUEST_ID = Pattern.compile("^req-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
  private static final Set<String> CONTENT_TYPES = Set.of("application/json", "application/vnd.openstack.masakari+json");

  private final Authenticator auth;
  private final org.masakari.core.alerts.AlertmanagerReceiver alertmanager;
  private final V1Routes routes;
  private final VersionDocuments versions;
  private final Microversion maxVersion;
  private final String linkPrefix;
  private final boolean proxyHeaders;
  private final Path healthcheckDisableFile;

  public ApiHandler(Authenticator auth, org.masakari.core.alerts.AlertmanagerReceiver alertmanager, V1Routes routes, VersionDocuments versions, Microversion maxVersion,
      String linkPrefix, boolean proxyHeaders, Path healthcheckDisableFile) {
    this.auth = auth;
    this.alertmanager = alertmanager;
    this.routes = routes;
    this.versions = versions;
    this.maxVersion = maxVersion;
    this.linkPrefix = linkPrefix == null ? null : linkPrefix.replaceAll("/+$", "");
    this.proxyHeaders = proxyHeaders;
    this.healthcheckDisableFile = healthcheckDisableFile;
  }

  @Override
  public void handle(RoutingContext rc) {
    HttpServerRequest req = rc.request();
    HttpServerResponse resp = rc.response();
    String inbound = req.getHeader("X-OpenStack-Request-ID");
    String rid = inbound != null && REQUEST_ID.matcher(inbound).matches() ? inbound : "req-" + UUID.randomUUID();
    resp.putHeader("x-openstack-request-id", rid);
    long started = System.nanoTime();
    resp.endHandler(v -> access(req, resp, rid, started));
    String path = req.path();
    if (path.equals("/")) {
      ResponseWriter.plainJson(resp, 200, versions.root(base(req)));
    } else if (path.equals("/healthcheck")) {
      healthcheck(resp);
    } else if (path.equals("/v1") || path.startsWith("/v1/")) {
      v1(rc, path.substring(3), rid);
    } else {
      ResponseWriter.plainJson(resp, 300, versions.choices(base(req), path));
    }
  }

  private void access(HttpServerRequest req, HttpServerResponse resp, String rid, long started) {
    long micros = (System.nanoTime() - started) / 1000;
    if (req.method().name().equals("GET") || req.method().name().equals("HEAD")) {
      ACCESS.debug("[{}] {} {} {} {}us", rid, req.method(), req.uri(), resp.getStatusCode(), micros);
    } else {
      ACCESS.info("[{}] {} {} {} {}us", rid, req.method(), req.uri(), resp.getStatusCode(), micros);
    }
  }

  private void healthcheck(HttpServerResponse resp) {
    boolean disabled = healthcheckDisableFile != null && Files.exists(healthcheckDisableFile);
    var body = org.masakari.api.resources.Views.JSON.createObjectNode();
    body.put("detailed", false);
    body.putArray("reasons").add(disabled ? "DISABLED BY FILE" : "OK");
    ResponseWriter.plainJson(resp, disabled ? 503 : 200, body);
  }

  String base(HttpServerRequest req) {
    if (linkPrefix != null) {
      return linkPrefix;
    }
    String scheme = req.scheme() == null ? "http" : req.scheme();
    String host = req.authority() == null ? req.localAddress().host() + ":" + req.localAddress().port()
        : req.authority().toString();
    if (proxyHeaders) {
      String p = req.getHeader("X-Forwarded-Proto");
      String h = req.getHeader("X-Forwarded-Host");
      scheme = p != null ? p.split(",")[0].strip() : scheme;
      host = h != null ? h.split(",")[0].strip() : host;
    }
    return scheme + "://" + host;
  }

  private void v1(RoutingContext rc, String rest, String rid) {
    HttpServerResponse resp = rc.response();
    Future<RequestContext> who;
    if (alertmanager != null && rest.equals("/webhooks/alertmanager")
        && alertmanager.bearerAccepted(rc.request().getHeader("Authorization"))) {
      who = Future.succeededFuture(RequestContext.alertmanagerBearer());
    } else {
      who = auth.authenticate(rc.request().headers());
    }
    who.onComplete(ar -> {
      if (ar.failed()) {
        unauthenticated(rc, ar.cause());
        return;
      }
      RequestContext ctx = ar.result();
      String method = rc.request().method().name();
      Optional<RouteMatch> m = routes.match(method, rest);
      if (m.isEmpty()) {
        ResponseWriter.plain404(resp);
        return;
      }
      Microversion v;
      try {
        v = Microversion.negotiate(rc.request().headers().getAll(Microversion.HEADER), maxVersion);
      } catch (Microversion.VersionFault f) {
        ResponseWriter.fault(resp, f, f.echoed());
        return;
      }
      String version = v.toString();
      Future<Reply> result;
      try {
        checkContentType(rc.request().getHeader("Content-Type"));
        RouteMatch route = m.get();
        if (route.action() == null) {
          throw new Fault(405, "The request method: '" + method + "' with action: '" + route.actionName()
              + "' is not allowed on this resource");
        }
        if (route.projectId() != null && !route.projectId().equals(ctx.projectId())) {
          throw Fault.badRequest("Malformed request URL: URL's project_id '" + route.projectId()
              + "' doesn't match Context's project_id '" + (ctx.projectId() == null ? "None" : ctx.projectId()) + "'");
        }
        ApiRequest request = new ApiRequest(method, ctx, v, route.vars(), rc.queryParams(), rc.body().buffer(), rid,
            base(rc.request()));
        result = route.action().handle(request);
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onComplete(done -> {
        if (done.succeeded()) {
          ResponseWriter.success(resp, done.result(), v);
        } else {
          failure(resp, done.cause(), version, rid);
        }
      });
    });
  }

  private static void checkContentType(String header) {
    if (header == null) {
      return;
    }
    String media = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (media.isEmpty() || media.equals("text/plain") || CONTENT_TYPES.contains(media)) {
      return;
    }
    throw new Fault(415, "Unsupported Content-Type");
  }

  private void unauthenticated(RoutingContext rc, Throwable cause) {
    HttpServerResponse resp = rc.response();
    if (cause instanceof Authenticator.Unauthorized) {
      if (auth instanceof KeystoneAuthenticator k) {
        resp.putHeader("WWW-Authenticate", k.wwwAuthenticate());
      }
      ResponseWriter.plain(resp, 401, "{\"error\": {\"code\": 401, \"title\": \"Unauthorized\", "
          + "\"message\": \"The request you have made requires authentication.\"}}");
      return;
    }
    LOG.error("authentication backend failed: {}", cause.toString());
    ResponseWriter.fault(resp, new Fault(503, "Identity service unavailable: cannot validate the token."), null);
  }

  private static void failure(HttpServerResponse resp, Throwable cause, String version, String rid) {
    Throwable c = cause;
    while (c instanceof java.util.concurrent.CompletionException && c.getCause() != null) {
      c = c.getCause();
    }
    if (c instanceof Fault f) {
      ResponseWriter.fault(resp, f, version);
      return;
    }
    LOG.error("[{}] unexpected API error", rid, c);
    ResponseWriter.fault(resp, new Fault(500, "Unexpected API Error. Please report this at "
        + "https://bugs.launchpad.net/masakari/ and attach the Masakari API log if possible.\n<class '"
        + c.getClass().getName() + "'>"), version);
  }
}
