package org.masakari.lb.balancer;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.ArrayDeque;

/**
 * Writes the running request of one {@link ClientConnection} to its server connection: the head,
 * then the body buffers as they come (passed through, not copied). Body that arrives while the
 * server connection is still being made is held here, and the client is paused when too much is
 * held or the server cannot take more. Flushes to the server are batched per client read burst.
 * One per client connection, made once.
 */
final class RequestForwarder {
  /** Request body bytes held while the server connection is being made before the client is paused. */
  private static final int BODY_BUFFER_BYTES = 64 * 1024;

  private final LoopState loop;
  private final Channel ch;
  private ArrayDeque<HttpContent> bodyBuffer;
  private int bufferedBytes;
  private boolean serverFlushPending;

  RequestForwarder(LoopState loop, Channel ch) {
    this.loop = loop;
    this.ch = ch;
  }

  /** A new request starts: nothing of its body is held yet. */
  void begin() {
    bufferedBytes = 0;
  }

  /**
   * A piece of the request body; {@code sc} is the server connection's channel, or null while it is
   * being made (the piece is held until {@link #send}).
   */
  void onContent(HttpContent c, boolean last, Channel sc) {
    if (sc == null) {
      if (bodyBuffer == null) {
        bodyBuffer = new ArrayDeque<>(2);
      }
      bodyBuffer.add(c);
      bufferedBytes += c.content().readableBytes();
      if (bufferedBytes > BODY_BUFFER_BYTES) {
        ch.config().setAutoRead(false);
      }
      return;
    }
    if (last) {
      sc.write(c, sc.voidPromise());
      serverFlushPending = false;
      loop.flushLater(sc);
    } else {
      sc.write(c, sc.voidPromise());
      serverFlushPending = true;
      if (!sc.isWritable()) {
        // pause first: the flush may drain the buffer and report writability before it returns
        ch.config().setAutoRead(false);
        sc.flush();
        serverFlushPending = false;
        if (sc.isWritable()) {
          ch.config().setAutoRead(true);
        }
      }
    }
  }

  /** Writes the request head and whatever of its body is held to a server connection just attached. */
  void send(Channel sc, HttpRequest req, boolean requestDone, boolean hasBody) {
    sc.write(req, sc.voidPromise());
    if (bodyBuffer != null && !bodyBuffer.isEmpty()) {
      HttpContent part;
      while ((part = bodyBuffer.poll()) != null) {
        sc.write(part, sc.voidPromise());
      }
      if (!ch.config().isAutoRead() && !requestDone) {
        ch.config().setAutoRead(true);
      }
    } else if (requestDone && !hasBody) {
      // a retry of a request without a body: its end was consumed by the first attempt
      sc.write(LastHttpContent.EMPTY_LAST_CONTENT, sc.voidPromise());
    }
    if (requestDone || hasBody) {
      loop.flushLater(sc);
    } else {
      serverFlushPending = true;
    }
  }

  /** The client's read burst ended: what was written to the server goes out with the loop's batch. */
  void flushToServer(BackendConnection conn) {
    if (serverFlushPending && conn != null) {
      serverFlushPending = false;
      loop.flushLater(conn.channel());
    }
  }

  /** The request ended: held body buffers are released. */
  void end() {
    if (bodyBuffer != null) {
      bodyBuffer.forEach(HttpContent::release);
      bodyBuffer.clear();
    }
    serverFlushPending = false;
  }
}
