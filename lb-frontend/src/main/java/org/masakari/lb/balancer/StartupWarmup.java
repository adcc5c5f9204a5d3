package org.masakari.lb.balancer;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.lb.config.BackendConfig;
import org.masakari.lb.config.FrontendConfig;
import org.masakari.lb.config.HealthCheckConfig;
import org.masakari.lb.config.HostPort;
import org.masakari.lb.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code global.warmup}: before the real frontends listen, drive the fast path with local traffic
 * (an in-process client → a private frontend on 127.0.0.1 → an in-process dummy server, keep-alive
 * and new-connection requests, a few with a body) so that the JIT has compiled the proxy path
 * before the first client arrives. A fresh JVM otherwise serves its first seconds at a fraction of
 * its speed (docs/performance.md). Traffic runs for the configured time, then on until the JIT has
 * spent at most a tenth of the last second compiling (and {@link #MIN_REQUESTS} went through), at most {@link #MAX_FACTOR} times the configured time. Nothing of it is
 * visible in the real backends' statistics.
 */
final class StartupWarmup {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWarmup.class);
  private static final int KEEP_ALIVE_CLIENTS = 14;
  /** Phase 2's connections, as many as lb-bench's wrk opens. */
  private static final int TAKEOVER_CLIENTS = 64;
  private static final long PHASE2_MIN_MILLIS = 1000;
  private static final int CLOSING_CLIENTS = 2;
  /** Phase 2's new-connection-per-request clients: accept and close get hot too. */
  private static final int TAKEOVER_CLOSING_CLIENTS = 8;
  /** The JIT counts as done when it compiled for at most this long in the last second. */
  private static final long JIT_IDLE_MILLIS_PER_WINDOW = 100;
  private static final int JIT_WINDOW_TICKS = 10;
  /**
   * Requests before the JIT may count as done: a process starved by other load compiles nothing
   * because it runs nothing, which must not pass for a finished JIT (C2 compiles a method after
   * roughly ten thousand calls).
   */
  private static final long MIN_REQUESTS = 100_000;
  /** The longest warm-up, as a multiple of the configured time. */
  private static final int MAX_FACTOR = 5;
  private static final String LOCALHOST = "127.0.0.1";

  private static final String BACKEND = "warmup";
  /** Servers per generation of the warm-up backend (all on the dummy server). */
  private static final int SERVERS = 2;
  /** Servers are replaced every this many 100 ms ticks (each generation opens new pooled connections). */
  private static final int ROTATE_TICKS = 10;

  private final NettyLoops loops;
  private final boolean forwardedHeaders;
  /** The first TLS frontend's context, or null: then half of the clients speak TLS to a second private frontend. */
  private final SslContext serverTls;
  private SslContext clientTls;
  private final AtomicLong requests = new AtomicLong();
  private final BackendRegistry registry = new BackendRegistry();
  private HostPort dummyAddress;
  private int generation;

  StartupWarmup(NettyLoops loops, boolean forwardedHeaders, SslContext serverTls) {
    this.loops = loops;
    this.forwardedHeaders = forwardedHeaders;
    this.serverTls = serverTls;
  }

  /** Blocks the calling (non-event-loop) thread for {@code duration} or longer (see the class comment). */
  void run(Duration duration) {
    long t0 = System.nanoTime();
    Channel dummy = new ServerBootstrap().group(loops.group()).channel(loops.serverChannelClass())
        // the real channels' allocator, so the shared Netty code is compiled for one buffer class
        .childOption(ChannelOption.TCP_NODELAY, true).childOption(ChannelOption.ALLOCATOR, loops.allocator())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new DummyServer());
          }
        }).bind(LOCALHOST, 0).syncUninterruptibly().channel();
    int dummyPort = ((InetSocketAddress) dummy.localAddress()).getPort();
    dummyAddress = new HostPort(LOCALHOST, dummyPort);
    registry.apply(List.of(backendConfig(dummyAddress, 0)));
    registry.get(BACKEND).quiet();
    NettyHttpFrontend frontend = privateFrontend("warmup", null);
    InetSocketAddress target = new InetSocketAddress(LOCALHOST, frontend.port());
    NettyHttpFrontend tlsFrontend = null;
    InetSocketAddress tlsTarget = null;
    if (serverTls != null) {
      // TLS code (handshakes, record encryption, the SslHandler's buffers) is compiled too
      tlsFrontend = privateFrontend("warmup-tls", serverTls);
      tlsTarget = new InetSocketAddress(LOCALHOST, tlsFrontend.port());
      try {
        clientTls = SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
            .sslProvider(TlsServerContext.provider()).build();
      } catch (javax.net.ssl.SSLException e) {
        throw new IllegalStateException("warm-up: TLS client: " + e.getMessage(), e);
      }
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long maxEnd = t0 + MAX_FACTOR * duration.toNanos();
    // phase 1: a few busy connections until the JIT has compiled the proxy path
    runPhase(target, tlsTarget, KEEP_ALIVE_CLIENTS, CLOSING_CLIENTS, t0 + duration.toNanos(), maxEnd, MIN_REQUESTS, jit);
    // phase 2: the switch to new traffic (connections reset, many new ones at once, as a load
    // generator or a VIP takeover brings) deoptimizes code compiled for phase 1; let that happen
    // and recompile here rather than on the first real clients
    long phase2 = System.nanoTime();
    runPhase(target, tlsTarget, TAKEOVER_CLIENTS, TAKEOVER_CLOSING_CLIENTS, phase2 + TimeUnit.MILLISECONDS.toNanos(PHASE2_MIN_MILLIS), maxEnd,
        requests.get() + MIN_REQUESTS / 4, jit);
    frontend.drain();
    if (tlsFrontend != null) {
      tlsFrontend.drain();
    }
    // the pooled connections to the dummy server would be closed as idle 5 s later, in the middle of
    // the first real traffic (and deoptimize code there): close them now, and the dummy with them
    // (every pooled connection so far is the warm-up's: no real frontend listens yet)
    loops.closeAllIdle();
    dummy.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    LOG.info("warm-up: {} requests through the fast path in {} ms (JIT total {} ms)", requests.get(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), jitMillis(jit));
  }

  private NettyHttpFrontend privateFrontend(String name, SslContext tls) {
    NettyHttpFrontend f = new NettyHttpFrontend(new FrontendConfig(name, new HostPort(LOCALHOST, 0),
        FrontendConfig.Mode.HTTP, "warmup", FrontendConfig.DEFAULT_MAXCONN, FrontendConfig.DEFAULT_TIMEOUT_CLIENT,
        forwardedHeaders, null, null), tls, registry, loops);
    f.start();
    return f;
  }

  /**
   * Runs keep-alive and closing clients until the JIT is idle past the bounds, then resets them; with a TLS
   * target, every other client goes there.
   */
  private void runPhase(InetSocketAddress target, InetSocketAddress tlsTarget, int keepAlive, int closing, long minEnd, long maxEnd, long minRequests,
      CompilationMXBean jit) {
    Phase phase = new Phase(keepAlive + closing);
    for (int i = 0; i < keepAlive + closing; i++) {
      boolean tls = tlsTarget != null && i % 2 == 1;
      new Client(tls ? tlsTarget : target, tls, i >= keepAlive, phase).connect();
    }
    // JIT time at the start of each of the last WINDOW ticks (100 ms apart)
    long[] jitAt = new long[JIT_WINDOW_TICKS];
    java.util.Arrays.fill(jitAt, Long.MIN_VALUE);
    for (int tick = 0; System.nanoTime() < maxEnd && phase.done.getCount() > 0; tick++) {
      await(phase.done, 100);
      long now = jitMillis(jit);
      long windowStart = jitAt[tick % JIT_WINDOW_TICKS];
      jitAt[tick % JIT_WINDOW_TICKS] = now;
      LOG.debug("warm-up: {} requests, JIT {} ms", requests.get(), now);
      if (tick % ROTATE_TICKS == ROTATE_TICKS - 1) {
        rotateServers();
      }
      if (System.nanoTime() >= minEnd && requests.get() >= minRequests && windowStart != Long.MIN_VALUE
          && now - windowStart <= JIT_IDLE_MILLIS_PER_WINDOW) {
        break;
      }
    }
    phase.stop = true;
    await(phase.done, 2000);
  }

  /**
   * Replaces the warm-up backend's servers with new ones (same dummy address). Real traffic goes to
   * servers the warm-up never saw; code that treats a server's first request differently (its
   * first pooled connection, its first success) must be compiled with that branch taken, or C2
   * prunes it and the first real request deoptimizes the whole inlined request path (measured:
   * half a second of recompilation on the balancer's core at the start of real traffic).
   */
  private void rotateServers() {
    registry.apply(List.of(backendConfig(dummyAddress, ++generation)));
  }

  private static BackendConfig backendConfig(HostPort dummy, int generation) {
    List<ServerConfig> servers = new java.util.ArrayList<>();
    for (int i = 1; i <= SERVERS; i++) {
      servers.add(new ServerConfig("w" + i + "-" + generation, dummy, 1, 0, false));
    }
    return new BackendConfig(BACKEND, BackendConfig.Algorithm.ROUNDROBIN, BackendConfig.Sticky.NONE,
        BackendConfig.DEFAULT_COOKIE, true, BackendConfig.DEFAULT_RETRIES, BackendConfig.DEFAULT_TIMEOUT_CONNECT,
        BackendConfig.DEFAULT_TIMEOUT_SERVER, BackendConfig.DEFAULT_TIMEOUT_QUEUE, BackendConfig.DEFAULT_TIMEOUT_SILENT, new HealthCheckConfig(
            HealthCheckConfig.Type.NONE, "GET", "/", 200, HealthCheckConfig.DEFAULT_INTER, HealthCheckConfig.DEFAULT_INTER,
            1, 1, HealthCheckConfig.DEFAULT_OBSERVE_ERROR_LIMIT), servers);
  }

  /** One set of clients: stopped together. */
  private static final class Phase {
    final CountDownLatch done;
    volatile boolean stop;

    Phase(int clients) {
      done = new CountDownLatch(clients);
    }
  }

  private static long jitMillis(CompilationMXBean jit) {
    return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
  }

  private static void await(CountDownLatch latch, long millis) {
    try {
      latch.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Index just past the first CRLFCRLF at or after {@code from}, or -1. */
  static int headerEnd(ByteBuf b, int from) {
    for (int i = Math.max(from, b.readerIndex()); i + 3 < b.writerIndex(); i++) {
      if (b.getByte(i) == '\r' && b.getByte(i + 1) == '\n' && b.getByte(i + 2) == '\r' && b.getByte(i + 3) == '\n') {
        return i + 4;
      }
    }
    return -1;
  }

  /** The Content-Length of the message head in {@code b} up to {@code end} (0 if none). */
  static int contentLength(ByteBuf b, int end) {
    String head = b.toString(b.readerIndex(), end - b.readerIndex(), StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
    int i = head.indexOf("\r\ncontent-length:");
    if (i < 0) {
      return 0;
    }
    int eol = head.indexOf('\r', i + 2);
    return Integer.parseInt(head.substring(i + 17, eol).trim());
  }

  /**
   * Bytes in, whole HTTP/1.1 messages out, without Netty's codec: the warm-up's client and dummy
   * server are byte-level so that the traffic's CPU (and the JIT's work) goes to the proxy path.
   */
  private abstract static class RawMessages extends ChannelInboundHandlerAdapter {
    private ByteBuf pending;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      ByteBuf in = (ByteBuf) msg;
      if (pending == null) {
        pending = in;
      } else {
        pending = ctx.alloc().compositeBuffer().addComponents(true, pending, in);
      }
      while (pending != null) {
        int end = headerEnd(pending, pending.readerIndex());
        if (end < 0) {
          return;
        }
        int total = end - pending.readerIndex() + contentLength(pending, end);
        if (pending.readableBytes() < total) {
          return;
        }
        pending.skipBytes(total);
        if (!pending.isReadable()) {
          pending.release();
          pending = null;
        }
        message(ctx);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (pending != null) {
        pending.release();
        pending = null;
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }

    abstract void message(ChannelHandlerContext ctx);
  }

  /** Answers every request like lb-bench's nginx back ends: 200, a short body, the usual headers, keep-alive. */
  private static final class DummyServer extends RawMessages {
    private static final byte[] ANSWER = ("HTTP/1.1 200 OK\r\nServer: warmup\r\nDate: Sun, 22 Nov 2026 00:00:00 GMT\r\n"
        + "Content-Type: text/plain\r\nContent-Length: 5\r\nConnection: keep-alive\r\n\r\nwarm\n")
        .getBytes(StandardCharsets.US_ASCII);

    @Override
    void message(ChannelHandlerContext ctx) {
      ctx.writeAndFlush(Unpooled.wrappedBuffer(ANSWER), ctx.voidPromise());
    }
  }

  /** One client connection: a request after each answer (every 8th a POST); a closing client reconnects for every request. */
  private final class Client extends RawMessages {
    private final InetSocketAddress target;
    private final boolean tls;
    private final boolean closeEach;
    private final Phase phase;
    private final byte[] get;
    private final byte[] post;
    private int sent;

    Client(InetSocketAddress target, boolean tls, boolean closeEach, Phase phase) {
      this.target = target;
      this.tls = tls;
      this.closeEach = closeEach;
      this.phase = phase;
      // like a load generator's requests: Host only, a length only with a body
      String host = "Host: " + LOCALHOST + ":" + target.getPort() + "\r\n" + (closeEach ? "Connection: close\r\n" : "");
      this.get = ("GET / HTTP/1.1\r\n" + host + "\r\n").getBytes(StandardCharsets.US_ASCII);
      this.post = ("POST /warm HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nContent-Length: 14\r\n\r\n"
          + "{\"warm\": true}").getBytes(StandardCharsets.US_ASCII);
    }

    void connect() {
      if (phase.stop) {
        phase.done.countDown();
        return;
      }
      new Bootstrap().group(loops.group()).channel(loops.socketChannelClass()).option(ChannelOption.TCP_NODELAY, true)
          .option(ChannelOption.ALLOCATOR, loops.allocator())
          .handler(tls ? new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
              ch.pipeline().addLast(clientTls.newHandler(ch.alloc(), LOCALHOST, target.getPort()), Client.this);
            }
          } : this).connect(target).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
              phase.done.countDown();
            }
          });
    }

    @Override
    public boolean isSharable() {
      return true;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      send(ctx);
    }

    private void send(ChannelHandlerContext ctx) {
      sent++;
      ctx.writeAndFlush(Unpooled.wrappedBuffer(sent % 8 == 0 ? post : get), ctx.voidPromise());
    }

    @Override
    void message(ChannelHandlerContext ctx) {
      requests.incrementAndGet();
      if (closeEach) {
        ctx.close();
      } else if (phase.stop) {
        // reset, as a load generator ends its run
        ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
        ctx.close();
        phase.done.countDown();
      } else {
        send(ctx);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      super.channelInactive(ctx);
      if (closeEach) {
        connect();
      } else if (!phase.stop) {
        phase.done.countDown();
      }
    }
  }
}
