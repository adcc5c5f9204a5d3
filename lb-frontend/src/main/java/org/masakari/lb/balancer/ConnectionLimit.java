package org.masakari.lb.balancer;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A frontend's {@code maxconn}, shared by its event loops. Vert.x cannot stop accepting, so a
 * connection beyond the limit is closed at once (HAProxy leaves it in the kernel backlog instead).
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

  public void closed() {
    open.decrementAndGet();
  }

  public int open() {
    return open.get();
  }
}
