package org.masakari.lb.balancer;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequestEncoder;

/**
 * One keep-alive connection to a server on the fast path. While a request runs on it, it hands every
 * decoded response part to that request's {@link ClientConnection}; while idle it sits in its
 * loop's pool and leaves the pool when the server closes it. Simple answers arrive as
 * {@link RawResponse} pieces ({@link ResponsePassThrough}), the others as Netty HTTP objects.
 */
final class BackendConnection extends ChannelInboundHandlerAdapter {
  private final LoopState loop;
  private final Server server;
  private final BackendResponseDecoder decoder = new BackendResponseDecoder(this::requestMethod);
  private final ResponsePassThrough passThrough = new ResponsePassThrough(decoder);
  private Channel channel;
  private ClientConnection client;
  private long idleSince;

  BackendConnection(LoopState loop, Server server) {
    this.loop = loop;
    this.server = server;
  }

  /** Adds the connection's handlers, this one last. */
  void addTo(ChannelPipeline p) {
    p.addLast(new HttpRequestEncoder(), passThrough, decoder, this);
  }

  Server server() {
    return server;
  }

  Channel channel() {
    return channel;
  }

  long idleSince() {
    return idleSince;
  }

  void idleSince(long nanos) {
    idleSince = nanos;
  }

  /** A request of {@code c} is about to be written; its answer may pass through if {@code raw}. */
  void attach(ClientConnection c, boolean raw) {
    client = c;
    passThrough.expectAnswer(raw);
  }

  private HttpMethod requestMethod() {
    ClientConnection c = client;
    return c == null ? null : c.requestMethod();
  }

  void detach() {
    client = null;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    channel = ctx.channel();
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ClientConnection c = client;
    if (c == null) {
      // nothing asked for this (an answer after a timeout, or garbage on an idle connection)
      RawResponse.release(msg);
      ctx.close();
      return;
    }
    c.onServerMessage(this, msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    ClientConnection c = client;
    if (c != null) {
      c.flushToClient();
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    ClientConnection c = client;
    if (c != null) {
      client = null;
      c.onServerClosed(this);
    } else {
      loop.removeIdle(this);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    ClientConnection c = client;
    if (c != null && ctx.channel().isWritable()) {
      c.serverWritable();
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
