package org.masakari.lb.balancer;

import io.netty.channel.Channel;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayDeque;

/**
 * What a client sent behind its running request (HTTP/1.1 pipelining): the decoded messages wait
 * here in order, and at {@link #LIMIT} the client is no longer read. One per client connection,
 * made once; the queue itself only when a client pipelines.
 */
final class PipelinedRequests {
  /** Messages waiting behind the running request before the client is no longer read. */
  static final int LIMIT = 64;

  private final Channel ch;
  private ArrayDeque<Object> waiting;

  PipelinedRequests(Channel ch) {
    this.ch = ch;
  }

  boolean isEmpty() {
    return waiting == null || waiting.isEmpty();
  }

  /** Whether the client may be read again as far as the queue is concerned. */
  boolean belowLimit() {
    return waiting == null || waiting.size() < LIMIT;
  }

  void add(Object msg) {
    if (waiting == null) {
      waiting = new ArrayDeque<>();
    }
    waiting.add(msg);
    if (waiting.size() >= LIMIT) {
      ch.config().setAutoRead(false);
    }
  }

  /** The oldest waiting message, or null. */
  Object poll() {
    return waiting == null ? null : waiting.poll();
  }

  /** The client went away: nothing waiting will run. */
  void releaseAll() {
    if (waiting != null) {
      waiting.forEach(ReferenceCountUtil::release);
      waiting.clear();
    }
  }
}
