package org.masakari.lb.balancer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;

/**
 * Writes a server's answer to the client of one {@link ClientConnection}: a simple answer as the
 * server's bytes with its head rewritten ({@link ResponsePassThrough}, {@link RawResponseHead}), any
 * other through the HTTP codecs with the same head rules. It keeps the answer's state of the running
 * request (started, keep-alive, close after it) and tells the connection when the answer is complete
 * or broken. One per client connection, made once: nothing here allocates per request beyond the
 * answer's own buffers.
 */
final class ServerAnswerRelay {
  /** A passed-through body up to this size is copied behind the head (one buffer, one write segment). */
  private static final int SMALL_BODY_BYTES = 2048;

  private final ClientConnection client;
  private final LoopState loop;
  private final Channel ch;
  /** Writes that skip the response encoder: answers passed through are already HTTP bytes. */
  private final ChannelHandlerContext rawOut;

  private boolean answered;
  private boolean responseStarted;
  private boolean informational;
  private boolean serverKeepAlive;
  private boolean closeAfterResponse;
  private boolean clientFlushPending;

  ServerAnswerRelay(ClientConnection client, LoopState loop, Channel ch, ChannelHandlerContext rawOut) {
    this.client = client;
    this.loop = loop;
    this.ch = ch;
    this.rawOut = rawOut;
  }

  /** A new request starts: nothing of its answer has been seen. */
  void reset() {
    answered = false;
    responseStarted = false;
    informational = false;
    closeAfterResponse = false;
  }

  /** Some of the answer arrived (a retry after that would repeat a request the server may have run). */
  boolean answered() {
    return answered;
  }

  /** Some of the answer went to the client: an error answer can no longer replace it. */
  boolean started() {
    return responseStarted;
  }

  boolean serverKeepAlive() {
    return serverKeepAlive;
  }

  boolean closeAfterResponse() {
    return closeAfterResponse;
  }

  /** A message from the server connection of the running request. */
  void onMessage(BackendConnection c, Object msg) {
    answered = true;
    if (msg instanceof RawResponse raw) {
      onRawResponse(c, raw);
      return;
    }
    if (msg instanceof HttpResponse r) {
      if (r.decoderResult().isFailure()) {
        ReferenceCountUtil.release(msg);
        client.serverFailed("error: bad response: " + r.decoderResult().cause().getMessage(), false);
        return;
      }
      int code = r.status().code();
      if (code >= 100 && code < 200 && code != 101) {
        informational = true;
        ProxyHeaders.removeHopByHop(r.headers());
        ch.write(r, ch.voidPromise());
      } else {
        responseHead(r);
      }
    }
    if (msg instanceof HttpContent part) {
      if (informational) {
        // the end of a 1xx answer goes through too: the client-side encoder waits for it
        if (part instanceof LastHttpContent) {
          informational = false;
        }
        ch.write(part, ch.voidPromise());
        clientFlushPending = true;
        return;
      }
      relay(c, ch, part, part instanceof LastHttpContent);
    }
  }

  /** A piece of an answer passed through: the first one's head is rewritten as {@link #responseHead} would. */
  private void onRawResponse(BackendConnection c, RawResponse raw) {
    ByteBuf data = raw.data();
    RawResponseHead head = raw.head();
    if (head != null) {
      serverKeepAlive = head.keepAlive();
      closeAfterResponse = client.closeAfterAnswer();
      String setCookie = client.stickyCookieToSet();
      byte[] cookie = setCookie != null
          ? ("Set-Cookie: " + setCookie + "\r\n").getBytes(StandardCharsets.US_ASCII)
          : null;
      boolean http10Client = client.http10Client();
      int body = data.readableBytes() - head.headLength();
      // a small body shares the head's buffer: one segment to write instead of two
      ByteBuf out = head.copy(ch.alloc(), data, closeAfterResponse, http10Client && !closeAfterResponse, cookie,
          body <= SMALL_BODY_BYTES ? body : 0);
      responseStarted = true;
      if (data.isReadable()) {
        rawOut.write(out, ch.voidPromise());
      } else {
        data.release();
        data = out;
      }
    }
    relay(c, rawOut, data, raw.last());
  }

  /** Writes a piece of the answer's body to the client, ending the exchange after the last. */
  private void relay(BackendConnection c, ChannelOutboundInvoker to, Object part, boolean last) {
    if (last) {
      clientFlushPending = false;
      if (closeAfterResponse) {
        to.writeAndFlush(part).addListener(ChannelFutureListener.CLOSE);
      } else {
        to.write(part, ch.voidPromise());
        loop.flushLater(ch);
      }
      client.complete();
      return;
    }
    to.write(part, ch.voidPromise());
    clientFlushPending = true;
    if (!ch.isWritable()) {
      // pause first, then flush now (not batched): the flush may make the client writable again
      c.channel().config().setAutoRead(false);
      clientFlushPending = false;
      ch.flush();
      if (ch.isWritable()) {
        c.channel().config().setAutoRead(true);
      }
    }
  }

  private void responseHead(HttpResponse r) {
    int code = r.status().code();
    serverKeepAlive = HttpUtil.isKeepAlive(r);
    boolean chunked = HttpUtil.isTransferEncodingChunked(r);
    boolean bodyless = HttpMethod.HEAD.equals(client.requestMethod()) || code == 204 || code == 304;
    boolean framed = chunked || r.headers().contains(HttpHeaderNames.CONTENT_LENGTH) || bodyless;
    ProxyHeaders.removeHopByHop(r.headers());
    closeAfterResponse = client.closeAfterAnswer();
    boolean http10Client = client.http10Client();
    if (!framed) {
      // read until the server closes: re-frame as chunked for HTTP/1.1, close for HTTP/1.0
      serverKeepAlive = false;
      if (http10Client) {
        closeAfterResponse = true;
      } else {
        chunked = true;
      }
    }
    if (chunked && !bodyless) {
      if (http10Client) {
        closeAfterResponse = true;
      } else {
        r.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      }
    }
    if (closeAfterResponse) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (http10Client) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
    String setCookie = client.stickyCookieToSet();
    if (setCookie != null) {
      r.headers().add(HttpHeaderNames.SET_COOKIE, setCookie);
    }
    r.setProtocolVersion(HttpVersion.HTTP_1_1);
    responseStarted = true;
    ch.write(r, ch.voidPromise());
    clientFlushPending = true;
  }

  /** Writes an error answer of the proxy's own (nothing of the server's answer was written). */
  ChannelFuture writeError(HttpResponseStatus status, String why, boolean close) {
    FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
        Unpooled.copiedBuffer(status.code() + " " + why + "\n", StandardCharsets.UTF_8));
    resp.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
        .setInt(HttpHeaderNames.CONTENT_LENGTH, resp.content().readableBytes());
    if (close) {
      resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }
    return ch.writeAndFlush(resp);
  }

  /** The server's read burst ended: what was written to the client goes out with the loop's batch. */
  void flushToClient() {
    if (clientFlushPending) {
      clientFlushPending = false;
      loop.flushLater(ch);
    }
  }
}
