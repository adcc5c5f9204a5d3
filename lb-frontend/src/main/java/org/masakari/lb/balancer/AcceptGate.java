package org.masakari.lb.balancer;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.ArrayDeque;
import java.util.List;

/**
 * HAProxy's frontend {@code maxconn} on the fast path: at the limit the listening sockets stop accepting, so
 * new clients wait in the kernel's backlog (connected, their request unread) instead of being closed. The few
 * that an accept batch already took past the limit are held with reading off and admitted first, in order,
 * as slots free. Listeners are switched on one loop only, by tasks queued when the count crosses the limit,
 * so the last switch always follows the last crossing. Below the limit a connection costs one counter
 * increment and a read of {@link #heldCount}; the lock is only taken at the limit.
 */
final class AcceptGate {
  private final ConnectionLimit limit;
  private final List<Channel> listeners;
  private final EventLoop switcher;
  /** Guarded by {@code this}. */
  private final ArrayDeque<ClientConnection> held = new ArrayDeque<>();
  /** {@code held.size()}, readable without the lock. */
  private volatile int heldCount;
  private final Runnable update = this::update;
  /** Touched only on {@link #switcher}. */
  private boolean accepting = true;

  AcceptGate(ConnectionLimit limit, List<Channel> listeners, EventLoop switcher) {
    this.limit = limit;
    this.listeners = listeners;
    this.switcher = switcher;
  }

  /** A new connection: true if it may be served now; false if it was held (it must stop reading). */
  boolean admit(ClientConnection c) {
    if (heldCount == 0 && limit.tryOpen()) {
      if (limit.open() >= limit.max()) {
        switcher.execute(update);
      }
      return true;
    }
    boolean now;
    synchronized (this) {
      now = held.isEmpty() && limit.tryOpen();
      if (!now) {
        held.addLast(c);
        heldCount = held.size();
        // a release that ran between the failed tryOpen and addLast saw nothing held: its slot is taken here
        // (c itself may be admitted: admitLater runs on c's loop after the caller has turned reading off)
        handOverLocked();
      }
    }
    switcher.execute(update);
    return now;
  }

  /** A served connection closed: its slot goes to the oldest held connection, or back to the listeners. */
  void release() {
    // closed() comes first: an admit that adds to held after the check below finds the slot in its own hand-over
    if (limit.closed() == limit.max() - 1 || heldCount > 0) {
      synchronized (this) {
        handOverLocked();
      }
      switcher.execute(update);
    }
  }

  /** A held connection closed before it was admitted. */
  synchronized void forget(ClientConnection c) {
    if (held.remove(c)) {
      heldCount = held.size();
    }
  }

  /** The limit changed (reload). */
  void limitChanged() {
    synchronized (this) {
      handOverLocked();
    }
    switcher.execute(update);
  }

  /** The frontend drains: held connections are served once (then closed) instead of being dropped unanswered. */
  synchronized void admitAllHeld() {
    ClientConnection next;
    while ((next = held.pollFirst()) != null) {
      limit.forceOpen();
      next.admitLater();
    }
    heldCount = 0;
  }

  private void handOverLocked() {
    while (!held.isEmpty() && limit.tryOpen()) {
      held.pollFirst().admitLater();
    }
    heldCount = held.size();
  }

  private void update() {
    boolean open = heldCount == 0 && limit.open() < limit.max();
    if (open != accepting) {
      accepting = open;
      for (Channel l : listeners) {
        l.config().setAutoRead(open);
      }
    }
  }
}
