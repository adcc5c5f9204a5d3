package org.masakari.lb.balancer;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.masakari.lb.config.FrontendConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP frontend on the fast path (plain, or TLS terminated by Netty's {@code SslHandler} in front of the codec): Netty's HTTP/1.1 decoder and encoder and {@link ClientConnection}, no
 * Vert.x per request. With epoll, every event loop has its own listening socket on the address
 * ({@code SO_REUSEPORT}, the kernel spreads connections), so a connection, its requests and their
 * pooled server connections stay on one loop. A reload with the same {@code bind} swaps the
 * configuration in place (no socket is touched); {@link #drain} stops listening and lets running
 * requests finish, bounded by {@code timeout.client}.
 */
public final class NettyHttpFrontend {
  private static final Logger LOG = LoggerFactory.getLogger(NettyHttpFrontend.class);
  private static final long BIND_TIMEOUT_SECONDS = 10;

  private final NettyLoops loops;
  private final BackendRegistry registry;
  private final ConnectionLimit limit;
  /** Written by start/drain, read by {@link AcceptGate}'s switch on another loop. */
  private final List<Channel> listeners = new CopyOnWriteArrayList<>();
  private final AcceptGate gate;
  private volatile FrontendConfig config;
  /** Null for plain HTTP; replaced by a reload (new certificate files, or the same files rotated). */
  private volatile SslContext tls;
  private volatile boolean draining;

  NettyHttpFrontend(FrontendConfig config, SslContext tls, BackendRegistry registry, NettyLoops loops) {
    this.config = config;
    this.tls = tls;
    this.registry = registry;
    this.loops = loops;
    this.limit = new ConnectionLimit(config.maxconn());
    this.gate = new AcceptGate(limit, listeners, loops.loops().get(0));
  }

  FrontendConfig config() {
    return config;
  }

  BackendRegistry registry() {
    return registry;
  }

  AcceptGate gate() {
    return gate;
  }

  boolean draining() {
    return draining;
  }

  /** Binds; throws IllegalStateException when the address cannot be bound. */
  void start() {
    FrontendConfig fc = config;
    List<EventLoop> own = loops.epoll() ? loops.loops() : List.of(loops.loops().get(0));
    int port = fc.bind().port();
    for (EventLoop loop : own) {
      ServerBootstrap b = new ServerBootstrap().channel(loops.serverChannelClass())
          .option(ChannelOption.SO_BACKLOG, 4096).option(ChannelOption.SO_REUSEADDR, true)
          .childOption(ChannelOption.TCP_NODELAY, true).childOption(ChannelOption.ALLOCATOR, loops.allocator())
          .childHandler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              LoopState state = loops.state(ch.eventLoop());
              ClientConnection c = new ClientConnection(NettyHttpFrontend.this, state);
              SslContext ssl = tls;
              if (ssl != null) {
                ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
              }
              // request headers are validated (the default): they come from anyone
              ch.pipeline().addLast(new HttpRequestDecoder(), new ClientResponseEncoder(c::requestMethod), c);
            }
          });
      if (loops.epoll()) {
        b.group(loop, loop).option(EpollChannelOption.SO_REUSEPORT, own.size() > 1);
      } else {
        b.group(loop, loops.group());
      }
      ChannelFuture f = b.bind(new InetSocketAddress(fc.bind().host(), port));
      if (!f.awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS) || !f.isSuccess()) {
        closeListeners();
        throw new IllegalStateException("[frontend=" + fc.name() + "] cannot listen on " + fc.bind() + ": "
            + (f.cause() == null ? "timeout" : f.cause().getMessage()), f.cause());
      }
      listeners.add(f.channel());
      // port 0 (the warm-up): every loop's socket takes the port the first one was given
      port = ((InetSocketAddress) f.channel().localAddress()).getPort();
    }
  }

  /** The bound port (differs from the configured one only for port 0). */
  int port() {
    return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
  }

  /** The scheme clients use, for the forwarded headers. */
  String scheme() {
    return tls == null ? "http" : "https";
  }

  /**
   * A reload that keeps {@code bind}: new connections and requests use {@code next} and {@code nextTls}, no socket
   * is touched (connections already open keep the TLS session they negotiated).
   */
  void update(FrontendConfig next, SslContext nextTls) {
    tls = nextTls;
    limit.setMax(next.maxconn());
    gate.limitChanged();
    config = next;
  }

  /** Stops listening now; idle connections close now, busy ones after their request, all after {@code timeout.client}. */
  void drain() {
    draining = true;
    closeListeners();
    gate.admitAllHeld();
    long graceMillis = config.timeoutClient().toMillis();
    for (EventLoop loop : loops.loops()) {
      loop.execute(() -> {
        for (ClientConnection c : loops.state(loop).clients()) {
          if (c.frontend() == this) {
            c.drain();
          }
        }
      });
      loop.schedule(() -> {
        for (ClientConnection c : loops.state(loop).clients()) {
          if (c.frontend() == this) {
            c.forceClose();
          }
        }
      }, graceMillis, TimeUnit.MILLISECONDS);
    }
    LOG.info("[frontend={}] draining (up to {} ms)", config.name(), graceMillis);
  }

  private void closeListeners() {
    for (Channel l : listeners) {
      l.close().awaitUninterruptibly(BIND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
    listeners.clear();
  }
}
