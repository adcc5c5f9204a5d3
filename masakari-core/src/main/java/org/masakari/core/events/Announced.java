package org.masakari.core.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database change announced as upstream's objects announce theirs: {@code start} once before the
 * change (also when the transaction is retried after a deadlock), {@code end} after the commit,
 * {@code error} only when it failed after {@code start}. An event that cannot be built or queued is
 * logged; it never fails the change.
 */
public final class Announced<T> {
  private static final Logger LOG = LoggerFactory.getLogger(Announced.class);

  /** Sends one phase of the event for the subject. */
  @FunctionalInterface
  public interface Emit<T> {
    void emit(ApiEvents.Phase phase, T subject, Throwable fault);
  }

  private final Emit<T> emit;
  private volatile T subject;
  private volatile boolean started;

  public Announced(Emit<T> emit) {
    this.emit = emit;
  }

  /** Announces the change of {@code s} (the first time only) and returns it. */
  public T start(T s) {
    subject = s;
    if (!started) {
      started = true;
      send(ApiEvents.Phase.START, s, null);
    }
    return s;
  }

  public void end(T s) {
    send(ApiEvents.Phase.END, s, null);
  }

  /** Announces the failure when the change had started; returns {@code e} for rethrowing. */
  public RuntimeException failed(RuntimeException e) {
    if (started) {
      send(ApiEvents.Phase.ERROR, subject, e);
    }
    return e;
  }

  private void send(ApiEvents.Phase phase, T s, Throwable fault) {
    try {
      emit.emit(phase, s, fault);
    } catch (RuntimeException e) {
      LOG.warn("versioned notification ({}) not sent: {}", phase, e.toString());
    }
  }
}
