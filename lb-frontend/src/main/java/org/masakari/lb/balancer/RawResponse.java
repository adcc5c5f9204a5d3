package org.masakari.lb.balancer;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCountUtil;

/**
 * A piece of a passed-through answer ({@link ResponsePassThrough}): the first carries the scanned
 * {@code head} and {@code data} starts with the head's bytes; later ones carry body bytes only
 * ({@code head} null). {@code last}: the body is complete with this piece.
 */
record RawResponse(RawResponseHead head, ByteBuf data, boolean last) {

  /** Releases a message from a server connection that is dropped, whichever kind it is. */
  static void release(Object msg) {
    ReferenceCountUtil.release(msg instanceof RawResponse r ? r.data() : msg);
  }
}
