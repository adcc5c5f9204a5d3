package org.masakari.sim.nova;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.masakari.sim.cloud.Caller;
import org.masakari.sim.cloud.CloudException;
import org.masakari.sim.cloud.CloudState;
import org.masakari.sim.cloud.ServerOperations;
import org.masakari.sim.control.CallFault;
import org.masakari.sim.control.FaultInjector;
import org.masakari.sim.keystone.Token;
import org.masakari.sim.keystone.TokenStore;
import org.masakari.sim.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every Nova route in one place. A request passes keystonemiddleware's check (401), microversion
 * negotiation (400/406), the injected latency/error for its call name, then its handler; one
 * failure handler turns domain and API exceptions into Nova's fault bodies.
 */
public final class NovaRoutes {
  private static final Logger LOG = LoggerFactory.getLogger(NovaRoutes.class);
  private static final String PREFIX = "/v2.1";

  private final TokenStore tokens;
  private final FaultInjector faults;
  private final ServersHandler servers;
  private final ServerActionHandler actions;
  private final MetadataHandler metadata;
  private final ServicesHandler services;
  private final HypervisorsHandler hypervisors;
  private final AggregatesHandler aggregates;
  private final InstanceActionsHandler instanceActions;
  private final Supplier<String> keystoneUrl;
  private final Supplier<java.time.Instant> clock;

  public NovaRoutes(TokenStore tokens, CloudState state, ServerOperations ops, FaultInjector faults,
      Supplier<String> keystoneUrl) {
    this.tokens = tokens;
    this.faults = faults;
    this.keystoneUrl = keystoneUrl;
    this.clock = state::now;
    this.servers = new ServersHandler(ops);
    this.actions = new ServerActionHandler(ops);
    this.metadata = new MetadataHandler(new org.masakari.sim.cloud.MetadataOperations(state));
    this.services = new ServicesHandler(state);
    this.hypervisors = new HypervisorsHandler(state);
    this.aggregates = new AggregatesHandler(state);
    this.instanceActions = new InstanceActionsHandler(state);
  }

  /** The Nova router; {@code control} is mounted under {@code /sim}, the image service under {@code /image}. */
  public Router router(Vertx vertx, Router control, Router images) {
    Router r = Router.router(vertx);
    // like Nova behind any HTTP server: a Date on every answer, from the simulated cloud's clock
    r.route().handler(ctx -> {
      ctx.addHeadersEndHandler(v -> ctx.response().putHeader("Date",
          java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.get().atZone(java.time.ZoneOffset.UTC))));
      ctx.next();
    });
    // a mount point without its slash is what clients ask for first (version discovery)
    r.get("/sim").handler(NovaRoutes::addSlash);
    r.get("/image").handler(NovaRoutes::addSlash);
    r.route("/sim/*").subRouter(control);
    r.route("/image/*").subRouter(images);
    r.route().handler(BodyHandler.create().setBodyLimit(1024 * 1024));
    r.get("/").handler(DiscoveryHandler::versions);
    r.get(PREFIX).handler(DiscoveryHandler::version);
    r.get(PREFIX + "/").handler(DiscoveryHandler::version);
    r.route(PREFIX + "/*").handler(this::authenticate);

    route(r, HttpMethod.GET, "/servers", "servers.list", servers::list);
    route(r, HttpMethod.GET, "/servers/detail", "servers.detail", servers::detail);
    route(r, HttpMethod.POST, "/servers", "servers.create", servers::create);
    route(r, HttpMethod.GET, "/servers/:id", "servers.show", servers::show);
    route(r, HttpMethod.DELETE, "/servers/:id", "servers.delete", servers::delete);
    r.post(PREFIX + "/servers/:id/action").handler(inject(ServerActionHandler::actionOf)).handler(actions::handle);
    route(r, HttpMethod.GET, "/servers/:id/metadata", "metadata.get", metadata::get);
    route(r, HttpMethod.POST, "/servers/:id/metadata", "metadata.update", metadata::merge);
    route(r, HttpMethod.PUT, "/servers/:id/metadata", "metadata.replace", metadata::replace);
    route(r, HttpMethod.GET, "/servers/:id/metadata/:key", "metadata.get", metadata::getItem);
    route(r, HttpMethod.PUT, "/servers/:id/metadata/:key", "metadata.set", metadata::setItem);
    route(r, HttpMethod.DELETE, "/servers/:id/metadata/:key", "metadata.delete", metadata::deleteItem);
    route(r, HttpMethod.GET, "/servers/:id/os-instance-actions", "instance-actions.list", instanceActions::list);
    route(r, HttpMethod.GET, "/servers/:id/os-instance-actions/:requestId", "instance-actions.show",
        instanceActions::show);
    route(r, HttpMethod.GET, "/os-migrations", "migrations.list", instanceActions::migrations);
    route(r, HttpMethod.GET, "/os-services", "services.list", services::list);
    route(r, HttpMethod.PUT, "/os-services/:id", "services.update", services::update);
    route(r, HttpMethod.GET, "/os-hypervisors", "hypervisors.list", hypervisors::list);
    route(r, HttpMethod.GET, "/os-hypervisors/detail", "hypervisors.detail", hypervisors::detail);
    route(r, HttpMethod.GET, "/os-hypervisors/:pattern/search", "hypervisors.search", hypervisors::search);
    route(r, HttpMethod.GET, "/os-hypervisors/:id", "hypervisors.show", hypervisors::show);
    route(r, HttpMethod.GET, "/os-aggregates", "aggregates.list", aggregates::list);
    route(r, HttpMethod.POST, "/os-aggregates", "aggregates.create", aggregates::create);
    route(r, HttpMethod.GET, "/os-aggregates/:id", "aggregates.show", aggregates::show);
    route(r, HttpMethod.POST, "/os-aggregates/:id/action", "aggregates.action", aggregates::action);
    route(r, HttpMethod.GET, "/flavors", "flavors.list", DiscoveryHandler::flavors);
    route(r, HttpMethod.GET, "/flavors/detail", "flavors.list", DiscoveryHandler::flavorsDetail);
    route(r, HttpMethod.GET, "/flavors/:id", "flavors.show", DiscoveryHandler::flavor);

    r.route().last().handler(ctx -> fault(ctx, 404, "The resource could not be found."));
    r.route().failureHandler(this::failure);
    return r;
  }

  /** Vert.x matches "/x" for "/x/" too, so only the slash-less form is rerouted (else it would loop). */
  private static void addSlash(RoutingContext ctx) {
    if (ctx.request().path().endsWith("/")) {
      ctx.next();
    } else {
      ctx.reroute(ctx.request().path() + "/");
    }
  }

  private void route(Router r, HttpMethod method, String path, String call, Handler<RoutingContext> handler) {
    r.route(method, PREFIX + path).handler(inject(ctx -> call)).handler(handler);
  }

  /** keystonemiddleware, then Nova's microversion parsing; sets the headers every Nova answer carries. */
  private void authenticate(RoutingContext ctx) {
    String requestId = "req-" + UUID.randomUUID();
    ctx.response().putHeader("x-openstack-request-id", requestId).putHeader("x-compute-request-id", requestId);
    Optional<Token> token = tokens.valid(ctx.request().getHeader("X-Auth-Token"));
    if (token.isEmpty() || token.get().project() == null) {
      ctx.response().putHeader("WWW-Authenticate", "Keystone uri=\"" + keystoneUrl.get() + "\"");
      Json.send(ctx, 401, new JsonObject().put("error", new JsonObject().put("code", 401)
          .put("title", "Unauthorized").put("message", "The request you have made requires authentication.")));
      return;
    }
    ctx.response().putHeader("Vary", "OpenStack-API-Version, X-OpenStack-Nova-API-Version");
    Microversion v = Microversion.negotiate(ctx.request().getHeader("OpenStack-API-Version"),
        ctx.request().getHeader("X-OpenStack-Nova-API-Version"));
    ctx.response().putHeader("OpenStack-API-Version", "compute " + v).putHeader("X-OpenStack-Nova-API-Version", v.toString());
    Token t = token.get();
    Caller caller = new Caller(t.user().id(), t.project().id(), t.isAdmin());
    ctx.put(NovaRequest.KEY, new NovaRequest(caller, v, requestId, Json.baseUrl(ctx)));
    ctx.next();
  }

  /** Applies the injected latency (a timer, never a sleep) and error rate of the call. */
  private Handler<RoutingContext> inject(Function<RoutingContext, String> callName) {
    return ctx -> {
      String call = callName.apply(ctx);
      CallFault f = faults.forCall(call);
      Runnable proceed = () -> {
        if (faults.rollError(f)) {
          LOG.info("[sim] injected {} on {}", f.errorStatus(), call);
          fault(ctx, f.errorStatus(), "Simulated failure of " + call + " injected by cloud-sim.");
        } else {
          ctx.next();
        }
      };
      if (f.latency().isZero()) {
        proceed.run();
      } else {
        ctx.vertx().setTimer(Math.max(1, f.latency().toMillis()), id -> proceed.run());
      }
    };
  }

  private void failure(RoutingContext ctx) {
    Throwable t = ctx.failure();
    if (t instanceof CloudException ce) {
      fault(ctx, ce.kind().status(), ce.getMessage());
    } else if (t instanceof ApiFault af) {
      fault(ctx, af.status(), af.getMessage());
    } else if (t == null && ctx.statusCode() == 413) {
      fault(ctx, 413, "Request is too large.");
    } else {
      LOG.warn("[nova] {} {} failed", ctx.request().method(), ctx.request().path(), t);
      fault(ctx, 500, "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the "
          + "Nova API log if possible.\n<class '" + (t == null ? "Exception" : t.getClass().getSimpleName()) + "'>");
    }
  }

  private static void fault(RoutingContext ctx, int status, String message) {
    if (ctx.response().ended()) {
      return;
    }
    Json.send(ctx, status, NovaFaults.body(status, message));
  }
}
