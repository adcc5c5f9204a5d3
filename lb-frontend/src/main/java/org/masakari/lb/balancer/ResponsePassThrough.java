package org.masakari.lb.balancer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * First inbound handler of a server connection: a simple answer ({@link RawResponseHead}) goes to
 * the client as the server's bytes, with only its head rewritten, instead of being decoded into
 * Netty's HTTP objects and encoded again (that round trip was the largest user-space item of the
 * keep-alive profile). Anything else, and every answer to a request that may not pass through
 * (HEAD, CONNECT), is handed to the HTTP decoder behind this handler for the rest of the exchange.
 */
final class ResponsePassThrough extends ChannelInboundHandlerAdapter {
  /** A head not complete within this many bytes goes to the codec (which applies its own limits). */
  static final int MAX_HEAD_BYTES = 16 * 1024;

  private enum Mode { HEAD, BODY, CODEC }

  private final BackendResponseDecoder decoder;
  private Mode mode = Mode.CODEC;
  private ByteBuf pending;
  private long remaining;

  ResponsePassThrough(BackendResponseDecoder decoder) {
    this.decoder = decoder;
  }

  /**
   * A request was sent: its answer may pass through if {@code raw}. Bytes the decoder still holds
   * (a server that sent more than it was asked for) keep the codec in charge, as before this handler.
   */
  void expectAnswer(boolean raw) {
    releasePending();
    mode = raw && !decoder.hasBufferedBytes() ? Mode.HEAD : Mode.CODEC;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (mode == Mode.CODEC || !(msg instanceof ByteBuf in)) {
      ctx.fireChannelRead(msg);
    } else if (mode == Mode.BODY) {
      body(ctx, in);
    } else {
      head(ctx, in);
    }
  }

  private void head(ChannelHandlerContext ctx, ByteBuf in) {
    ByteBuf buf = in;
    if (pending != null) {
      buf = pending.writeBytes(in);
      in.release();
      pending = null;
    }
    RawResponseHead head = RawResponseHead.scan(buf);
    if (head == RawResponseHead.INCOMPLETE && buf.readableBytes() < MAX_HEAD_BYTES) {
      // a head split over reads (rare): keep a copy, the read buffer is sized for one read
      pending = ctx.alloc().buffer(Math.max(1024, buf.readableBytes() * 2)).writeBytes(buf);
      buf.release();
      return;
    }
    if (head == RawResponseHead.INCOMPLETE || head == RawResponseHead.NOT_SIMPLE) {
      mode = Mode.CODEC;
      ctx.fireChannelRead(buf);
      return;
    }
    long bodyHere = Math.min(buf.readableBytes() - head.headLength(), head.contentLength());
    remaining = head.contentLength() - bodyHere;
    ByteBuf extra = null;
    if (buf.readableBytes() > head.headLength() + bodyHere) {
      extra = buf;
      buf = buf.readRetainedSlice((int) (head.headLength() + bodyHere));
    }
    // the mode is set before firing: the last piece may end the exchange and start the next one
    boolean last = remaining == 0;
    mode = last ? Mode.CODEC : Mode.BODY;
    ctx.fireChannelRead(new RawResponse(head, buf, last));
    unasked(ctx, extra);
  }

  private void body(ChannelHandlerContext ctx, ByteBuf in) {
    ByteBuf extra = null;
    ByteBuf part = in;
    if (in.readableBytes() > remaining) {
      extra = in;
      part = in.readRetainedSlice((int) remaining);
    }
    remaining -= part.readableBytes();
    boolean last = remaining == 0;
    if (last) {
      mode = Mode.CODEC;
    }
    ctx.fireChannelRead(new RawResponse(null, part, last));
    unasked(ctx, extra);
  }

  /** Bytes after a complete answer: the decoder makes a message of them that nobody asked for, which closes the connection. */
  private static void unasked(ChannelHandlerContext ctx, ByteBuf extra) {
    if (extra != null) {
      ctx.fireChannelRead(extra);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    releasePending();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    releasePending();
  }

  private void releasePending() {
    if (pending != null) {
      pending.release();
      pending = null;
    }
  }
}
