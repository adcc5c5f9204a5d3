package org.masakari.sim.keystone;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.masakari.sim.web.Json;
import org.masakari.sim.web.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v3, the part clients and keystonemiddleware use: version discovery, password and token
 * authentication, token validation and revocation, the catalog, projects and users.
 */
public final class KeystoneRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(KeystoneRoutes.class);
  private static final String AUTH_REQUIRED = "The request you have made requires authentication.";

  private final Identity identity;
  private final TokenStore tokens;
  private final Supplier<List<CatalogEntry>> catalog;

  public KeystoneRoutes(Identity identity, TokenStore tokens, Supplier<List<CatalogEntry>> catalog) {
    this.identity = identity;
    this.tokens = tokens;
    this.catalog = catalog;
  }

  public Router router(Vertx vertx) {
    Router r = Router.router(vertx);
    r.route().handler(BodyHandler.create().setBodyLimit(64 * 1024));
    r.get("/").handler(this::versions);
    r.get("/v3").handler(this::version);
    r.get("/v3/").handler(this::version);
    r.post("/v3/auth/tokens").handler(this::issue);
    r.get("/v3/auth/tokens").handler(this::validate);
    r.route(HttpMethod.HEAD, "/v3/auth/tokens").handler(this::check);
    r.delete("/v3/auth/tokens").handler(this::revoke);
    r.get("/v3/auth/catalog").handler(this::catalogOfToken);
    r.get("/v3/auth/projects").handler(this::projectsOfToken);
    r.get("/v3/projects").handler(this::projects);
    r.get("/v3/users").handler(this::users);
    r.route().last().handler(ctx -> error(ctx, 404, "Not Found", "The resource could not be found."));
    r.route().failureHandler(this::failure);
    return r;
  }

  private JsonObject versionBody(RoutingContext ctx) {
    return new JsonObject()
        .put("id", "v3.14")
        .put("status", "stable")
        .put("updated", "2020-04-07T00:00:00Z")
        .put("links", new JsonArray().add(new JsonObject().put("rel", "self").put("href", Json.baseUrl(ctx) + "/v3/")))
        .put("media-types", new JsonArray().add(new JsonObject().put("base", "application/json")
            .put("type", "application/vnd.openstack.identity-v3+json")));
  }

  private void versions(RoutingContext ctx) {
    Json.send(ctx, 300, new JsonObject().put("versions",
        new JsonObject().put("values", new JsonArray().add(versionBody(ctx)))));
  }

  private void version(RoutingContext ctx) {
    Json.send(ctx, 200, new JsonObject().put("version", versionBody(ctx)));
  }

  private void issue(RoutingContext ctx) {
    JsonObject auth = bodyObject(ctx).getJsonObject("auth");
    if (auth == null) {
      error(ctx, 400, "Bad Request", "Invalid input for field 'auth': 'auth' is a required property");
      return;
    }
    JsonObject ident = auth.getJsonObject("identity");
    if (ident == null || ident.getJsonArray("methods") == null) {
      error(ctx, 400, "Bad Request", "Invalid input for field 'identity': 'identity' is a required property");
      return;
    }
    List<String> methods = ident.getJsonArray("methods").stream().map(String::valueOf).toList();
    Optional<Identity.User> user = Optional.empty();
    Identity.Project defaultProject = null;
    if (methods.contains("password")) {
      user = passwordUser(ident.getJsonObject("password", new JsonObject()).getJsonObject("user", new JsonObject()));
    } else if (methods.contains("token")) {
      Optional<Token> old = tokens.valid(ident.getJsonObject("token", new JsonObject()).getString("id"));
      user = old.map(Token::user);
      defaultProject = old.map(Token::project).orElse(null);
    }
    if (user.isEmpty()) {
      LOG.info("[keystone] authentication failed for methods {}", methods);
      error(ctx, 401, "Unauthorized", AUTH_REQUIRED);
      return;
    }
    JsonObject scope = auth.getJsonObject("scope");
    Identity.Project project;
    if (scope == null) {
      // Keystone scopes to the user's default project when no scope is asked for
      project = defaultProject != null ? defaultProject : user.get().project();
    } else if (scope.getJsonObject("project") != null) {
      project = scopedProject(scope.getJsonObject("project")).orElse(null);
      if (project == null || !project.id().equals(user.get().project().id())) {
        error(ctx, 401, "Unauthorized", AUTH_REQUIRED);
        return;
      }
    } else {
      error(ctx, 401, "Unauthorized", AUTH_REQUIRED);
      return;
    }
    Token t = tokens.issue(user.get(), project, methods);
    LOG.info("[keystone] token issued for user {} project {}", t.user().name(), project.name());
    ctx.response().putHeader("X-Subject-Token", t.id());
    Json.send(ctx, 201, new JsonObject().put("token", tokenBody(t, true)));
  }

  private Optional<Identity.User> passwordUser(JsonObject u) {
    Optional<Identity.User> found;
    if (u.getString("id") != null) {
      found = identity.userById(u.getString("id"));
    } else {
      JsonObject d = u.getJsonObject("domain", new JsonObject());
      if (!Identity.isDefaultDomain(d.getString("id"), d.getString("name"))) {
        return Optional.empty();
      }
      found = identity.userByName(String.valueOf(u.getString("name")));
    }
    return found.filter(x -> x.password().equals(u.getString("password")));
  }

  private Optional<Identity.Project> scopedProject(JsonObject p) {
    if (p.getString("id") != null) {
      return identity.projectById(p.getString("id"));
    }
    JsonObject d = p.getJsonObject("domain", new JsonObject());
    if (!Identity.isDefaultDomain(d.getString("id"), d.getString("name"))) {
      return Optional.empty();
    }
    return identity.projectByName(String.valueOf(p.getString("name")));
  }

  private void validate(RoutingContext ctx) {
    Optional<Token> subject = subjectToken(ctx);
    if (subject.isEmpty()) {
      return;
    }
    boolean withCatalog = !ctx.queryParams().contains("nocatalog");
    ctx.response().putHeader("X-Subject-Token", subject.get().id());
    Json.send(ctx, 200, new JsonObject().put("token", tokenBody(subject.get(), withCatalog)));
  }

  private void check(RoutingContext ctx) {
    if (subjectToken(ctx).isPresent()) {
      Json.empty(ctx, 200);
    }
  }

  private void revoke(RoutingContext ctx) {
    Optional<Token> subject = subjectToken(ctx);
    if (subject.isPresent()) {
      tokens.revoke(subject.get().id());
      Json.empty(ctx, 204);
    }
  }

  /** The caller's own token must be valid, then the subject token must exist (404 otherwise). */
  private Optional<Token> subjectToken(RoutingContext ctx) {
    if (caller(ctx).isEmpty()) {
      return Optional.empty();
    }
    String id = ctx.request().getHeader("X-Subject-Token");
    Optional<Token> t = tokens.valid(id);
    if (t.isEmpty()) {
      error(ctx, 404, "Not Found", "Could not find token: " + id + ".");
    }
    return t;
  }

  private Optional<Token> caller(RoutingContext ctx) {
    Optional<Token> t = tokens.valid(ctx.request().getHeader("X-Auth-Token"));
    if (t.isEmpty()) {
      error(ctx, 401, "Unauthorized", AUTH_REQUIRED);
    }
    return t;
  }

  private void catalogOfToken(RoutingContext ctx) {
    if (caller(ctx).isPresent()) {
      Json.send(ctx, 200, new JsonObject().put("catalog", catalogBody()));
    }
  }

  private void projectsOfToken(RoutingContext ctx) {
    caller(ctx).ifPresent(t -> Json.send(ctx, 200, new JsonObject()
        .put("projects", new JsonArray().add(projectBody(t.user().project())))));
  }

  private void projects(RoutingContext ctx) {
    caller(ctx).ifPresent(t -> {
      if (!t.isAdmin()) {
        error(ctx, 403, "Forbidden", "You are not authorized to perform the requested action: identity:list_projects.");
        return;
      }
      JsonArray a = new JsonArray();
      identity.projects().stream().filter(p -> ctx.queryParams().get("name") == null
          || p.name().equals(ctx.queryParams().get("name"))).forEach(p -> a.add(projectBody(p)));
      Json.send(ctx, 200, new JsonObject().put("projects", a));
    });
  }

  private void users(RoutingContext ctx) {
    caller(ctx).ifPresent(t -> {
      if (!t.isAdmin()) {
        error(ctx, 403, "Forbidden", "You are not authorized to perform the requested action: identity:list_users.");
        return;
      }
      JsonArray a = new JsonArray();
      identity.users().stream().filter(u -> ctx.queryParams().get("name") == null
          || u.name().equals(ctx.queryParams().get("name"))).forEach(u -> a.add(new JsonObject()
          .put("id", u.id()).put("name", u.name()).put("domain_id", Identity.DOMAIN_ID).put("enabled", true)
          .put("default_project_id", u.project().id()).put("password_expires_at", (String) null)));
      Json.send(ctx, 200, new JsonObject().put("users", a));
    });
  }

  private JsonObject tokenBody(Token t, boolean withCatalog) {
    JsonObject domain = new JsonObject().put("id", Identity.DOMAIN_ID).put("name", Identity.DOMAIN_NAME);
    JsonObject body = new JsonObject()
        .put("methods", new JsonArray(t.methods()))
        .put("user", new JsonObject().put("domain", domain.copy()).put("id", t.user().id())
            .put("name", t.user().name()).put("password_expires_at", (String) null))
        .put("audit_ids", new JsonArray().add(t.auditId()))
        .put("expires_at", Times.keystone(t.expiresAt()))
        .put("issued_at", Times.keystone(t.issuedAt()));
    if (t.project() != null) {
      body.put("project", projectBody(t.project()).put("domain", domain.copy()));
      body.put("is_domain", false);
      JsonArray roles = new JsonArray();
      t.roles().forEach(r -> roles.add(new JsonObject().put("id", r.id()).put("name", r.name())));
      body.put("roles", roles);
      if (withCatalog) {
        body.put("catalog", catalogBody());
      }
    }
    return body;
  }

  private static JsonObject projectBody(Identity.Project p) {
    return new JsonObject().put("id", p.id()).put("name", p.name()).put("domain_id", Identity.DOMAIN_ID)
        .put("enabled", true).put("is_domain", false);
  }

  private JsonArray catalogBody() {
    JsonArray out = new JsonArray();
    for (CatalogEntry e : catalog.get()) {
      JsonArray endpoints = new JsonArray();
      for (String iface : List.of("public", "internal", "admin")) {
        endpoints.add(new JsonObject()
            .put("id", Identity.stableId("endpoint", e.name() + iface))
            .put("interface", iface)
            .put("region_id", "RegionOne")
            .put("url", e.url())
            .put("region", "RegionOne"));
      }
      out.add(new JsonObject().put("endpoints", endpoints).put("id", Identity.stableId("service", e.name()))
          .put("type", e.type()).put("name", e.name()));
    }
    return out;
  }

  private static JsonObject bodyObject(RoutingContext ctx) {
    try {
      JsonObject o = ctx.body().asJsonObject();
      return o == null ? new JsonObject() : o;
    } catch (DecodeException | ClassCastException e) {
      return new JsonObject();
    }
  }

  private void failure(RoutingContext ctx) {
    LOG.warn("[keystone] {} {} failed", ctx.request().method(), ctx.request().path(), ctx.failure());
    error(ctx, 500, "Internal Server Error", "An unexpected error prevented the server from fulfilling your request.");
  }

  private static void error(RoutingContext ctx, int code, String title, String message) {
    if (code == 401) {
      ctx.response().putHeader("WWW-Authenticate", "Keystone uri=\"" + Json.baseUrl(ctx) + "/v3\"");
    }
    Json.send(ctx, code, new JsonObject().put("error",
        new JsonObject().put("code", code).put("message", message).put("title", title)));
  }
}
