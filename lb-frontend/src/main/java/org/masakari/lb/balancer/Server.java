package org.masakari.lb.balancer;

import io.vertx.core.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.masakari.lb.config.HostPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One back-end server with its live state and counters. Shared by all event loops, so every
 * mutable field is volatile or atomic; transitions are logged once, prefixed {@code [backend=… server=…]}.
 */
public final class Server {
  private static final Logger LOG = LoggerFactory.getLogger(Server.class);

  private final String backendName;
  private final String name;
  private final HostPort address;
  private final SocketAddress socketAddress;
  private final java.net.InetSocketAddress inetSocketAddress;
  private final String log;
  private volatile int weight;
  private volatile int maxconn;
  private volatile AdminState adminState = AdminState.READY;
  private volatile boolean healthy = true;
  private volatile int observeErrorLimit;
  private volatile boolean checkEnabled = true;
  private int checkStreak;
  private final AtomicInteger consecutiveTrafficErrors = new AtomicInteger();
  /** {@link System#nanoTime()} of the last answer or connect that succeeded on real traffic (0 = never). */
  private volatile long lastSuccessNanos;
  private final AtomicInteger active = new AtomicInteger();
  private final LongAdder sessions = new LongAdder();
  private final LongAdder requests = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder redispatched = new LongAdder();
  private final LatencyHistogram latency = new LatencyHistogram();

  public Server(String backendName, String name, HostPort address, int weight, int maxconn, int observeErrorLimit) {
    this.backendName = backendName;
    this.name = name;
    this.address = address;
    this.socketAddress = SocketAddress.inetSocketAddress(address.port(), address.host());
    // an IP literal is parsed without a lookup; a host name is resolved by the connecting loop
    this.inetSocketAddress = io.netty.util.NetUtil.isValidIpV4Address(address.host())
        || io.netty.util.NetUtil.isValidIpV6Address(address.host())
        ? new java.net.InetSocketAddress(address.host(), address.port())
        : java.net.InetSocketAddress.createUnresolved(address.host(), address.port());
    this.weight = weight;
    this.maxconn = maxconn;
    this.observeErrorLimit = observeErrorLimit;
    this.log = "[backend=" + backendName + " server=" + name + "]";
  }

  public String name() {
    return name;
  }

  public String backendName() {
    return backendName;
  }

  public HostPort address() {
    return address;
  }

  public SocketAddress socketAddress() {
    return socketAddress;
  }

  public java.net.InetSocketAddress inetSocketAddress() {
    return inetSocketAddress;
  }

  public int weight() {
    return weight;
  }

  public void setWeight(int weight) {
    if (weight != this.weight) {
      LOG.info("{} weight {} -> {}", log, this.weight, weight);
      this.weight = weight;
    }
  }

  public int maxconn() {
    return maxconn;
  }

  public void setMaxconn(int maxconn) {
    this.maxconn = maxconn;
  }

  void setObserveErrorLimit(int limit) {
    this.observeErrorLimit = limit;
  }

  public boolean checkEnabled() {
    return checkEnabled;
  }

  void setCheckEnabled(boolean enabled) {
    checkEnabled = enabled;
    if (!enabled) {
      healthy = true;
    }
  }

  public AdminState adminState() {
    return adminState;
  }

  public void setAdminState(AdminState state) {
    if (state != adminState) {
      LOG.info("{} admin state {} -> {}", log, adminState, state);
      adminState = state;
    }
  }

  public boolean healthy() {
    return healthy;
  }

  /** Eligible for a new connection or request. */
  public boolean usable() {
    return healthy && adminState == AdminState.READY && weight > 0;
  }

  public boolean hasRoom() {
    int m = maxconn;
    return m == 0 || active.get() < m;
  }

  /** One active check result; rise/fall consecutive results flip the health state. */
  public synchronized void checkResult(boolean ok, int rise, int fall, String detail) {
    if (ok == healthy) {
      checkStreak = 0;
      return;
    }
    if (++checkStreak >= (ok ? rise : fall)) {
      checkStreak = 0;
      healthy = ok;
      consecutiveTrafficErrors.set(0);
      LOG.info("{} is {} (health check: {})", log, ok ? "UP" : "DOWN", detail);
    }
  }

  /** Passive check: a connection error or timeout on real traffic. */
  public void trafficError(String reason) {
    errors.increment();
    int limit = observeErrorLimit;
    if (limit > 0 && consecutiveTrafficErrors.incrementAndGet() >= limit) {
      synchronized (this) {
        if (healthy) {
          healthy = false;
          checkStreak = 0;
          LOG.info("{} is DOWN (passive: {} consecutive traffic errors, last: {})", log, limit, reason);
        }
      }
    }
  }

  /**
   * Passive check for a timeout (connect or server) of something started at {@code sinceNanos}.
   * It counts towards ejection only if the server has not succeeded on any other request since
   * then: a hung or unreachable server succeeds on none, while a healthy server behind a starved
   * balancer (a cold JVM on a busy core) goes on answering, and one slow answer must not eject it.
   */
  public void trafficTimeout(String reason, long sinceNanos) {
    if (answeredSince(sinceNanos)) {
      errors.increment();
      return;
    }
    trafficError(reason);
  }

  /** Whether any request on this server succeeded after {@code sinceNanos} (to the millisecond). */
  public boolean answeredSince(long sinceNanos) {
    long last = lastSuccessNanos;
    return last != 0 && last - sinceNanos > 0;
  }

  public void trafficOk() {
    long now = System.nanoTime();
    // one shared write per millisecond at most: every event loop calls this on every answer
    long last = lastSuccessNanos;
    if (last == 0 || now - last > 1_000_000L) {
      lastSuccessNanos = now;
    }
    if (consecutiveTrafficErrors.get() != 0) {
      consecutiveTrafficErrors.set(0);
    }
  }

  public void connectionOpened() {
    active.incrementAndGet();
    sessions.increment();
  }

  public void connectionClosed() {
    active.decrementAndGet();
  }

  public void requestDone(long nanos) {
    requests.increment();
    latency.record(nanos);
  }

  public void redispatchedAway() {
    redispatched.increment();
  }

  public int active() {
    return active.get();
  }

  public long sessions() {
    return sessions.sum();
  }

  public long requests() {
    return requests.sum();
  }

  public long errors() {
    return errors.sum();
  }

  public long redispatches() {
    return redispatched.sum();
  }

  public LatencyHistogram latency() {
    return latency;
  }

  /** Human state for stats: MAINT/DRAIN win over health. */
  public String status() {
    if (adminState != AdminState.READY) {
      return adminState.name();
    }
    return healthy ? "UP" : "DOWN";
  }
}
