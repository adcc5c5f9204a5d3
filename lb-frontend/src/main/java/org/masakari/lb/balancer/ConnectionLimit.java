package org.masakari.lb.balancer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frontend's {@code maxconn}, shared by its event loops. The HTTP fast path stops accepting at the limit
 * ({@link AcceptGate}), so a connection beyond it waits in the kernel backlog as with HAProxy; Vert.x frontends
 * (TLS, TCP) cannot stop accepting and close a connection beyond the limit at once.
 */
public final class ConnectionLimit {
  private volatile int max;
  private final AtomicInteger open = new AtomicInteger();

  public ConnectionLimit(int max) {
    this.max = max;
  }

  /** A reload that keeps the frontend's socket changes the limit in place; open connections stay. */
  public void setMax(int max) {
    this.max = max;
  }

  public boolean tryOpen() {
    if (open.incrementAndGet() > max) {
      open.decrementAndGet();
      return false;
    }
    return true;
  }

  /** Counts a connection whatever the limit (a draining frontend serves what it had accepted). */
  public void forceOpen() {
    open.incrementAndGet();
  }

  /** Returns the number still open. */
  public int closed() {
    return open.decrementAndGet();
  }

  public int max() {
    return max;
  }

  public int open() {
    return open.get();
  }
}
