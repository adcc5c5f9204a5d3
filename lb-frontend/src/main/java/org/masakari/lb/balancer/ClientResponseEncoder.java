package org.masakari.lb.balancer;

import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import java.util.function.Supplier;

/**
 * The HTTP encoder of a client connection. It replaces {@code HttpServerCodec}'s, which pairs
 * answers with requests through a queue that answers written past it ({@link ResponsePassThrough})
 * would leave out of step (and growing); the request's method comes from the exchange instead.
 */
final class ClientResponseEncoder extends HttpResponseEncoder {
  private final Supplier<HttpMethod> method;

  ClientResponseEncoder(Supplier<HttpMethod> method) {
    this.method = method;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpResponse msg) {
    return HttpMethod.HEAD.equals(method.get()) || super.isContentAlwaysEmpty(msg);
  }
}
