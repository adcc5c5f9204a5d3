package org.masakari.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.masakari.api.auth.Authenticator;
import org.masakari.api.auth.KeystoneAuthenticator;
import org.masakari.api.auth.NoAuth2Authenticator;
import org.masakari.api.http.ApiHandler;
import org.masakari.api.http.Microversion;
import org.masakari.api.http.ResponseWriter;
import org.masakari.api.http.V1Routes;
import org.masakari.api.policy.Policy;
import org.masakari.api.resources.Blocking;
import org.masakari.api.resources.AlertmanagerController;
import org.masakari.api.resources.ExtensionsController;
import org.masakari.api.resources.HostsController;
import org.masakari.api.resources.NotificationsController;
import org.masakari.api.resources.SegmentsController;
import org.masakari.api.resources.VMovesController;
import org.masakari.api.resources.VersionDocuments;
import org.masakari.api.resources.VersionsController;
import org.masakari.core.actions.NotificationActions;
import org.masakari.core.alerts.AlertmanagerReceiver;
import org.masakari.core.config.ApiOptions;
import org.masakari.core.config.KeystoneAuthOptions;
import org.masakari.core.service.HostService;
import org.masakari.core.service.NotificationService;
import org.masakari.core.service.SegmentService;
import org.masakari.core.service.WorkflowDetailsSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Masakari v1 HTTP server: wires controllers, auth and policy; listens with one server instance per
 * configured worker (Vert.x spreads connections over event loops). start() only wires and binds.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

  /** Everything the API needs from the core. */
  public record Services(SegmentService segments, HostService hosts, NotificationService notifications,
      WorkflowDetailsSource details, NotificationActions actions, AlertmanagerReceiver alertmanager) {
    /** Without the 1.4 notification actions and the Alertmanager receiver. */
    public Services(SegmentService segments, HostService hosts, NotificationService notifications,
        WorkflowDetailsSource details) {
      this(segments, hosts, notifications, details, null, null);
    }
  }

  private final Vertx vertx;
  private final ApiOptions options;
  private final KeystoneAuthOptions keystone;
  private final Policy policy;
  private final Services services;
  private final int dbPoolSize;
  private final List<HttpServer> servers = new ArrayList<>();
  private WorkerExecutor pool;
  private int port;

  public ApiServer(Vertx vertx, ApiOptions options, KeystoneAuthOptions keystone, Policy policy, Services services,
      int dbPoolSize) {
    this.vertx = vertx;
    this.options = options;
    this.keystone = keystone;
    this.policy = policy;
    this.services = services;
    this.dbPoolSize = dbPoolSize;
  }

  public Future<Integer> start() {
    pool = vertx.createSharedWorkerExecutor("masakari-api-blocking", Math.max(4, dbPoolSize * 2), 120, TimeUnit.SECONDS);
    Blocking blocking = new Blocking(pool);
    int max = options.maxLimit();
    VersionDocuments docs = new VersionDocuments(options.maxMicroversion());
    V1Routes routes = new V1Routes(
        VersionsController.create(docs),
        ExtensionsController.create(policy, options.maxMicroversion()),
        SegmentsController.create(services.segments(), policy, blocking, max),
        HostsController.create(services.hosts(), policy, blocking, max),
        NotificationsController.create(services.notifications(), services.details(), services.actions(), policy,
            blocking, max),
        VMovesController.create(services.notifications(), policy, blocking, max),
        AlertmanagerController.create(services.alertmanager(), policy, blocking));
    Authenticator auth = options.authStrategy().equals(ApiOptions.NOAUTH2)
        ? new NoAuth2Authenticator()
        : new KeystoneAuthenticator(vertx, keystone, policy::isAdmin);
    ApiHandler handler = new ApiHandler(auth, services.alertmanager(), routes, docs, Microversion.of(options.maxMicroversion()),
        options.linkPrefix(), options.proxyHeaders(), Path.of("/etc/masakari/healthcheck_disable"));
    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(options.maxRequestBodySize()));
    router.route().handler(handler);
    router.errorHandler(413, rc -> ResponseWriter.plain(rc.response(), 413,
        "{\"message\": \"Request is too large. Larger than max_request_body_size (" + options.maxRequestBodySize()
            + ").<br /><br />\\n\\n\\n\", \"code\": \"413 Request Entity Too Large\", \"title\": \"Request Entity Too Large\"}"));
    router.errorHandler(500, rc -> {
      LOG.error("unhandled failure in the HTTP pipeline", rc.failure());
      if (!rc.response().ended()) {
        ResponseWriter.fault(rc.response(), new org.masakari.core.fault.Fault(500, "Unexpected API Error."), null);
      }
    });
    if (options.authStrategy().equals(ApiOptions.NOAUTH2)) {
      LOG.warn("auth_strategy = noauth2: every request is treated as admin; use keystone in production");
    }
    HttpServerOptions so = new HttpServerOptions().setHost(options.listen()).setPort(options.port())
        .setTcpNoDelay(true).setCompressionSupported(false).setIdleTimeout(900).setMaxHeaderSize(16384);
    List<Future<HttpServer>> listens = new ArrayList<>();
    int instances = Math.max(1, options.workers());
    for (int i = 0; i < instances; i++) {
      HttpServer s = vertx.createHttpServer(so).requestHandler(router);
      servers.add(s);
      listens.add(s.listen());
    }
    return Future.all(listens).map(cf -> {
      port = servers.get(0).actualPort();
      LOG.info("masakari-api listening on http://{}:{} (auth_strategy={}, {} listeners, max microversion {})",
          options.listen(), port, options.authStrategy(), instances, options.maxMicroversion());
      return port;
    });
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    for (HttpServer s : servers) {
      s.close();
    }
    if (pool != null) {
      pool.close();
    }
  }
}
