package org.masakari.lb.balancer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.Set;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.FrontendConfig;

/**
 * One client connection of the HTTP fast path and the request running on it (HTTP/1.1, one at a
 * time; pipelined requests wait in {@link PipelinedRequests}). The parsed request is forwarded to a
 * pooled keep-alive server connection with only the hop-by-hop and forwarded headers rewritten; body
 * buffers are passed through, not copied ({@link RequestForwarder}); the answer goes back through
 * {@link ServerAnswerRelay}. This class picks the server, retries and ends the request. Retry rules
 * are those of the Vert.x path: a failed connect is retried on another server for any method, a
 * connection closed without a byte of answer only for GET, HEAD and OPTIONS without a body, a
 * timeout never.
 */
final class ClientConnection extends ChannelInboundHandlerAdapter {
  private final NettyHttpFrontend frontend;
  private final LoopState loop;
  /** Index in the loop's client list, kept by {@link LoopState}; -1 when not registered. */
  int slot = -1;
  private Channel ch;
  // made once the channel is known (channelActive), then kept for the connection's life
  private PipelinedRequests pipelined;
  private RequestForwarder requests;
  private ServerAnswerRelay answers;
  private String clientIp;
  private RequestKey connectionKey;
  private boolean counted;
  private long lastActivity;
  private boolean closing;

  // the running request ("exchange"); xid tells late callbacks of an older one apart
  private int xid;
  private boolean active;
  private HttpRequest req;
  private boolean reqKeepAlive;
  private boolean http10Client;
  private boolean hasBody;
  private boolean requestDone;
  private Backend backend;
  private RequestKey key;
  private String sticky;
  private long start;
  private int attempt;
  private Set<Server> tried;
  private Server server;
  private BackendConnection conn;
  private long sentAt;
  private long lastServerActivity;
  /** The silent-server retry is taken once per request: the next server may be as slow, legitimately. */
  private boolean silentRetried;

  ClientConnection(NettyHttpFrontend frontend, LoopState loop) {
    this.frontend = frontend;
    this.loop = loop;
  }

  NettyHttpFrontend frontend() {
    return frontend;
  }

  /** The method of the running request (null between requests), for the codecs' "no body" rules. */
  HttpMethod requestMethod() {
    HttpRequest r = req;
    return r == null ? null : r.method();
  }

  // ---- client side ------------------------------------------------------------------------

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    ch = ctx.channel();
    pipelined = new PipelinedRequests(ch);
    requests = new RequestForwarder(loop, ch);
    // answers passed through are already HTTP bytes: they are written past the response encoder
    answers = new ServerAnswerRelay(this, loop, ch, ctx.pipeline().context(ClientResponseEncoder.class));
    if (!frontend.gate().admit(this)) {
      // beyond maxconn: the request stays unread in the socket until a slot frees (admitLater)
      ch.config().setAutoRead(false);
      return;
    }
    admitted();
  }

  /** Called by {@link AcceptGate} from any thread once a slot is reserved for this held connection. */
  void admitLater() {
    ch.eventLoop().execute(() -> {
      if (!ch.isActive()) {
        // the client left while held (channelInactive already ran): the slot goes on
        frontend.gate().release();
        return;
      }
      admitted();
      ch.config().setAutoRead(true);
    });
  }

  private void admitted() {
    counted = true;
    InetSocketAddress remote = (InetSocketAddress) ch.remoteAddress();
    clientIp = remote == null ? null : remote.getAddress().getHostAddress();
    connectionKey = new RequestKey(clientIp, null);
    lastActivity = System.nanoTime();
    loop.register(this);
    if (frontend.draining()) {
      closing = true;
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!counted) {
      frontend.gate().forget(this);
      return;
    }
    counted = false;
    frontend.gate().release();
    loop.unregister(this);
    pipelined.releaseAll();
    if (active) {
      // the client went away: an unfinished answer cannot be reused, a connection not yet used can
      endExchange(false);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    lastActivity = loop.coarseNanos();
    if (!counted) {
      ReferenceCountUtil.release(msg);
      return;
    }
    if (!pipelined.isEmpty() || (active && requestDone)) {
      pipelined.add(msg);
      return;
    }
    dispatch(msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    requests.flushToServer(conn);
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ch.isWritable() && conn != null) {
      conn.channel().config().setAutoRead(true);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }

  private void dispatch(Object msg) {
    if (msg instanceof HttpRequest r) {
      startExchange(r);
    }
    if (msg instanceof HttpContent c) {
      if (active && !requestDone) {
        onRequestContent(c);
      } else {
        c.release();
      }
    }
  }

  private void runPipelined() {
    while (!pipelined.isEmpty() && !(active && requestDone) && ch.isActive()) {
      dispatch(pipelined.poll());
    }
    if (pipelined.belowLimit() && !ch.config().isAutoRead() && conn == null) {
      ch.config().setAutoRead(true);
    }
  }

  private void startExchange(HttpRequest r) {
    xid++;
    active = true;
    req = r;
    start = System.nanoTime();
    requestDone = false;
    attempt = 0;
    tried = null;
    silentRetried = false;
    answers.reset();
    requests.begin();
    if (r.decoderResult().isFailure()) {
      reqKeepAlive = false;
      hasBody = false;
      reply(HttpResponseStatus.BAD_REQUEST, "bad request: " + r.decoderResult().cause().getMessage());
      return;
    }
    reqKeepAlive = HttpUtil.isKeepAlive(r) && !closing;
    http10Client = r.protocolVersion().minorVersion() == 0;
    hasBody = HttpUtil.isTransferEncodingChunked(r) || HttpUtil.getContentLength(r, 0L) > 0;
    FrontendConfig fc = frontend.config();
    backend = frontend.registry().get(fc.defaultBackend());
    if (backend == null) {
      reply(HttpResponseStatus.SERVICE_UNAVAILABLE, "no backend " + fc.defaultBackend());
      return;
    }
    BackendConfig cfg = backend.config();
    sticky = cfg.sticky() == BackendConfig.Sticky.COOKIE ? StickyCookie.read(r.headers().get(HttpHeaderNames.COOKIE), cfg.cookieName()) : null;
    key = cfg.balance() == BackendConfig.Algorithm.URI ? new RequestKey(clientIp, path(r.uri())) : connectionKey;
    ProxyHeaders.toBackend(r.headers(), clientIp, frontend.scheme(), fc.forwardedHeaders());
    r.setProtocolVersion(HttpVersion.HTTP_1_1);
    acquire();
  }

  private void onRequestContent(HttpContent c) {
    boolean last = c instanceof LastHttpContent;
    if (last) {
      requestDone = true;
    }
    BackendConnection sc = conn;
    if (sc != null) {
      lastServerActivity = loop.coarseNanos();
    }
    requests.onContent(c, last, sc == null ? null : sc.channel());
  }

  // ---- server selection and connection ------------------------------------------------------

  private void acquire() {
    Backend b = backend;
    Set<Server> exclude = tried == null ? Set.of() : tried;
    Server s = b.tryAcquire(key, sticky, exclude);
    if (s != null) {
      useServer(s);
      return;
    }
    // every usable server is full (or none is usable): the maxconn queue, or a 503
    int id = xid;
    b.acquire(loop.executor, key, sticky, exclude).onComplete(ar -> {
      if (id != xid || !active) {
        if (ar.succeeded()) {
          b.release(ar.result());
        }
        return;
      }
      if (ar.failed()) {
        reply(HttpResponseStatus.SERVICE_UNAVAILABLE, ar.cause().getMessage());
        return;
      }
      useServer(ar.result());
    });
  }

  private void useServer(Server s) {
    server = s;
    BackendConnection idle = loop.pollIdle(s);
    if (idle != null) {
      send(idle);
    } else {
      connect();
    }
  }

  private void connect() {
    int id = xid;
    Server s = server;
    long connectStart = System.nanoTime();
    ChannelFuture cf = loop.connect(s, backend.config().timeoutConnect().toMillis());
    cf.addListener((ChannelFutureListener) f -> {
      BackendConnection c = f.isSuccess() ? f.channel().pipeline().get(BackendConnection.class) : null;
      if (id != xid || !active) {
        if (c != null) {
          loop.offerIdle(c);
        }
        return;
      }
      if (c == null) {
        connectFailed(s, f.cause(), connectStart);
      } else {
        send(c);
      }
    });
  }

  private void connectFailed(Server s, Throwable cause, long since) {
    releaseServer();
    String why = "connect: " + cause.getMessage();
    if (cause instanceof ConnectTimeoutException) {
      s.trafficTimeout(why, since);
    } else {
      s.trafficError(why);
    }
    BackendConfig cfg = backend.config();
    if (attempt < cfg.retries()) {
      if (cfg.redispatch()) {
        s.redispatchedAway();
        tried().add(s);
      }
      attempt++;
      acquire();
    } else {
      reply(HttpResponseStatus.SERVICE_UNAVAILABLE, "no server answered after " + (attempt + 1) + " attempts");
    }
  }

  private void send(BackendConnection c) {
    conn = c;
    HttpMethod m = req.method();
    c.attach(this, !HttpMethod.HEAD.equals(m) && !HttpMethod.CONNECT.equals(m));
    Channel sc = c.channel();
    sc.config().setAutoRead(true);
    sentAt = System.nanoTime();
    lastServerActivity = sentAt;
    requests.send(sc, req, requestDone, hasBody);
  }

  // ---- server side --------------------------------------------------------------------------

  void onServerMessage(BackendConnection c, Object msg) {
    if (c != conn) {
      RawResponse.release(msg);
      return;
    }
    lastServerActivity = loop.coarseNanos();
    answers.onMessage(c, msg);
  }

  void flushToClient() {
    answers.flushToClient();
  }

  void serverWritable() {
    if (active && !requestDone) {
      ch.config().setAutoRead(true);
    }
  }

  /** Whether the client's connection ends with this answer (the answer's framing may add reasons). */
  boolean closeAfterAnswer() {
    return !reqKeepAlive || closing;
  }

  boolean http10Client() {
    return http10Client;
  }

  /** The Set-Cookie value that sticks the client to the answering server, or null if it already does. */
  String stickyCookieToSet() {
    BackendConfig cfg = backend.config();
    return cfg.sticky() == BackendConfig.Sticky.COOKIE && !server.name().equals(sticky)
        ? StickyCookie.setCookie(cfg.cookieName(), server.name())
        : null;
  }

  /** The answer was relayed completely. */
  void complete() {
    Server s = server;
    s.trafficOk();
    s.requestDone(System.nanoTime() - start);
    boolean reuse = answers.serverKeepAlive() && requestDone;
    endExchange(reuse);
    if (answers.closeAfterResponse()) {
      closing = true;
    } else {
      runPipelined();
    }
  }

  /** The server connection closed while this request was on it. */
  void onServerClosed(BackendConnection c) {
    if (c != conn) {
      return;
    }
    serverFailed("error: connection closed" + (answers.answered() ? " mid-answer" : " without an answer"), true);
  }

  void serverFailed(String why, boolean closed) {
    Server s = dropServer(why);
    BackendConfig cfg = backend.config();
    if (closed && !answers.answered() && !hasBody && isSafe(req.method()) && attempt < cfg.retries()) {
      // the server closed without answering (it died with the request in flight, or it closed an
      // idle keep-alive connection as we reused it): a safe method may go elsewhere (RFC 9110 §9.2.2)
      s.redispatchedAway();
      tried().add(s);
      attempt++;
      acquire();
      return;
    }
    reply(HttpResponseStatus.BAD_GATEWAY, why);
  }

  /** Closes the server connection of the exchange, frees its slot and counts the failure against it. */
  private Server dropServer(String why) {
    Server s = server;
    BackendConnection c = conn;
    conn = null;
    c.detach();
    c.channel().close();
    releaseServer();
    s.trafficTimeout(why, sentAt);
    return s;
  }

  /** Called by the loop's sweep. */
  void sweep(long now) {
    if (!active) {
      if (now - lastActivity > frontend.config().timeoutClient().toNanos()) {
        ch.close();
      }
      return;
    }
    if (conn != null && silentServer(now)) {
      silentRetried = true;
      serverFailed("timeout: silent for " + backend.config().timeoutSilent().toMillis()
          + " ms (no answer to this request, none to any other)", true);
      return;
    }
    if (conn != null && now - lastServerActivity > backend.config().timeoutServer().toNanos()) {
      dropServer("timeout: no answer within " + backend.config().timeoutServer().toMillis() + " ms");
      reply(HttpResponseStatus.GATEWAY_TIMEOUT, "server timeout");
    }
  }

  /**
   * A hung server (it accepts, the kernel completes the handshake, nothing answers) would hold a safe request until
   * {@code timeout.server}; after {@code timeout.silent} of silence on this request and on every other, the request
   * goes to another server instead ({@link #serverFailed} retries a safe request without a body that got no byte of
   * answer). Only when another usable server exists: with none, waiting for the silent one is the only chance.
   */
  private boolean silentServer(long now) {
    BackendConfig cfg = backend.config();
    long silent = cfg.timeoutSilent().toNanos();
    return silent > 0 && !silentRetried && now - sentAt > silent && requestDone && !hasBody && !answers.answered()
        && isSafe(req.method()) && attempt < cfg.retries() && !server.answeredSince(sentAt)
        && backend.usableBesides(server, tried);
  }

  void drain() {
    closing = true;
    if (!active) {
      ch.close();
    }
  }

  void forceClose() {
    ch.close();
  }

  // ---- end of a request ---------------------------------------------------------------------

  /** An error answer if nothing of the answer was sent yet; otherwise the client's connection ends mid-answer. */
  private void reply(HttpResponseStatus status, String why) {
    if (answers.started()) {
      endExchange(false);
      ch.close();
      return;
    }
    boolean close = !reqKeepAlive || closing || (hasBody && !requestDone);
    ChannelFuture f = answers.writeError(status, why, close);
    endExchange(false);
    if (close) {
      closing = true;
      f.addListener(ChannelFutureListener.CLOSE);
    } else {
      runPipelined();
    }
  }

  /** Frees everything the request holds; a reusable server connection goes back to the pool. */
  private void endExchange(boolean reuseServerConnection) {
    BackendConnection c = conn;
    conn = null;
    if (c != null) {
      c.detach();
      if (reuseServerConnection && c.channel().isActive()) {
        loop.offerIdle(c);
      } else {
        c.channel().close();
      }
    }
    releaseServer();
    requests.end();
    active = false;
    xid++;
    req = null;
    tried = null;
    if (!ch.config().isAutoRead() && pipelined.belowLimit()) {
      ch.config().setAutoRead(true);
    }
  }

  private void releaseServer() {
    Server s = server;
    if (s != null) {
      server = null;
      backend.release(s);
    }
  }

  private Set<Server> tried() {
    if (tried == null) {
      tried = new HashSet<>(4);
    }
    return tried;
  }

  private static boolean isSafe(HttpMethod m) {
    return HttpMethod.GET.equals(m) || HttpMethod.HEAD.equals(m) || HttpMethod.OPTIONS.equals(m);
  }

  private static String path(String uri) {
    int q = uri.indexOf('?');
    return q < 0 ? uri : uri.substring(0, q);
  }
}
