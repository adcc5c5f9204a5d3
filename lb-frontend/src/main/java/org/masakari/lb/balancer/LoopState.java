package org.masakari.lb.balancer;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What one fast-path event loop owns, touched only from that loop: keep-alive server connections
 * per server (LIFO, so the warmest is reused), the client connections, and one periodic sweep that
 * enforces client and server timeouts (instead of a timer per request).
 */
final class LoopState {
  /** Sweep period: timeouts fire at most this late. */
  static final long SWEEP_MILLIS = 25;
  /** Idle server connections kept per server and loop; more are closed. */
  static final int MAX_IDLE_PER_SERVER = 512;
  /** An idle server connection unused this long is closed (HAProxy's pool-purge-delay is 5 s). */
  static final long IDLE_SERVER_CONNECTION_NANOS = TimeUnit.SECONDS.toNanos(5);

  final EventLoop loop;
  final LoopExecutor executor;
  private final Bootstrap bootstrap;
  private final Map<Server, ArrayDeque<BackendConnection>> idle = new IdentityHashMap<>();
  /** Unordered; a connection knows its index ({@link ClientConnection#slot}) for an O(1) swap-remove. */
  private final ArrayList<ClientConnection> clients = new ArrayList<>();
  private final ArrayList<Channel> toFlush = new ArrayList<>();
  private final Runnable flushAll = this::flushAll;
  private ScheduledFuture<?> sweep;
  private int sweeps;
  /** System.nanoTime() as of the last flush or sweep, see {@link #coarseNanos}. */
  private long clock = System.nanoTime();

  LoopState(EventLoop loop, NettyLoops loops) {
    this.loop = loop;
    this.executor = LoopExecutor.of(loop);
    this.bootstrap = new Bootstrap().group(loop).channel(loops.socketChannelClass())
        .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.SO_KEEPALIVE, true)
        .option(ChannelOption.ALLOCATOR, loops.allocator());
  }

  void register(ClientConnection c) {
    c.slot = clients.size();
    clients.add(c);
    if (sweep == null) {
      sweep = loop.scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  void unregister(ClientConnection c) {
    int i = c.slot;
    if (i < 0 || i >= clients.size() || clients.get(i) != c) {
      return;
    }
    ClientConnection last = clients.remove(clients.size() - 1);
    if (last != c) {
      clients.set(i, last);
      last.slot = i;
    }
    c.slot = -1;
  }

  /** Snapshot, for draining a frontend. */
  ArrayList<ClientConnection> clients() {
    return new ArrayList<>(clients);
  }

  /**
   * Flushes {@code ch} after the loop has handled every event of its current epoll batch: HAProxy's
   * order (receive everything that is ready, then send). A peer woken by the first write finds the
   * rest of its batch waiting instead of being woken again per request; on loopback every wake-up of
   * a sleeping peer costs the sender an inter-processor interrupt (a VM exit in a guest), which
   * profiling showed as the largest kernel item of the proxy path. The caller keeps its own
   * "flush pending" flag so that a channel is queued once per batch.
   */
  void flushLater(Channel ch) {
    if (toFlush.isEmpty()) {
      loop.execute(flushAll);
    }
    toFlush.add(ch);
  }

  /**
   * A clock for activity stamps that only timeouts read (client idle, server silence, pooled
   * connection idle): it lags real time by at most one epoll batch, or one sweep period when the
   * loop is idle, far below any timeout. Reading System.nanoTime() for each of them cost five
   * clock reads per request (1.4 % of the event loop's samples in the keep-alive profile).
   */
  long coarseNanos() {
    return clock;
  }

  private void flushAll() {
    clock = System.nanoTime();
    // by index: a flush may trigger callbacks that queue more channels, they are flushed here too
    for (int i = 0; i < toFlush.size(); i++) {
      toFlush.get(i).flush();
    }
    toFlush.clear();
  }

  /** A live idle connection to {@code s}, or null. */
  BackendConnection pollIdle(Server s) {
    ArrayDeque<BackendConnection> q = idle.computeIfAbsent(s, k -> new ArrayDeque<>());
    BackendConnection c;
    while ((c = q.pollLast()) != null) {
      if (c.channel().isActive()) {
        return c;
      }
    }
    return null;
  }

  void offerIdle(BackendConnection c) {
    ArrayDeque<BackendConnection> q = idle.computeIfAbsent(c.server(), k -> new ArrayDeque<>());
    if (q.size() >= MAX_IDLE_PER_SERVER) {
      c.channel().close();
      return;
    }
    c.idleSince(clock);
    q.addLast(c);
  }

  /** Closes every idle server connection (the warm-up's, at its end, so that their closing is not left for later). */
  void closeAllIdle() {
    ArrayList<ArrayDeque<BackendConnection>> queues = new ArrayList<>(idle.values());
    idle.clear();
    for (ArrayDeque<BackendConnection> q : queues) {
      q.forEach(c -> c.channel().close());
    }
  }

  void removeIdle(BackendConnection c) {
    ArrayDeque<BackendConnection> q = idle.get(c.server());
    if (q != null) {
      q.remove(c);
    }
  }

  ChannelFuture connect(Server s, long timeoutMillis) {
    Bootstrap b = bootstrap.clone().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, timeoutMillis))
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            new BackendConnection(LoopState.this, s).addTo(ch.pipeline());
          }
        });
    return b.connect(s.inetSocketAddress());
  }

  private void sweep() {
    long now = System.nanoTime();
    clock = now;
    // backwards by index, no copy: a connection closed here may swap-remove itself, moving one
    // already swept into its place
    for (int i = clients.size() - 1; i >= 0; i--) {
      if (i < clients.size()) {
        clients.get(i).sweep(now);
      }
    }
    if (++sweeps % 40 == 0) {
      for (Iterator<ArrayDeque<BackendConnection>> qs = idle.values().iterator(); qs.hasNext(); ) {
        ArrayDeque<BackendConnection> q = qs.next();
        for (Iterator<BackendConnection> it = q.iterator(); it.hasNext(); ) {
          BackendConnection c = it.next();
          if (now - c.idleSince() > IDLE_SERVER_CONNECTION_NANOS) {
            it.remove();
            c.channel().close();
          }
        }
        if (q.isEmpty()) {
          // servers removed by a reload leave no entry behind
          qs.remove();
        }
      }
    }
  }
}
