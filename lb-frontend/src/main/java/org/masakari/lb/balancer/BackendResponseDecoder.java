package org.masakari.lb.balancer;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import java.util.function.Supplier;

/**
 * The HTTP decoder of a server connection. It replaces {@code HttpClientCodec}'s, which pairs
 * answers with requests through a queue that answers passed through ({@link ResponsePassThrough})
 * would leave out of step; the request's method comes from the exchange instead. Server headers are
 * not validated: they come from the configured servers, and the client side of the proxy still
 * validates everything a client sends.
 */
final class BackendResponseDecoder extends HttpResponseDecoder {
  private final Supplier<HttpMethod> method;

  BackendResponseDecoder(Supplier<HttpMethod> method) {
    super(new HttpDecoderConfig().setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
        .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false)));
    this.method = method;
  }

  /** The decoder still holds bytes it has not made a message of. */
  boolean hasBufferedBytes() {
    return actualReadableBytes() > 0;
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpMessage msg) {
    int code = ((HttpResponse) msg).status().code();
    if (code >= 200) {
      HttpMethod m = method.get();
      // RFC 9110 §9.3.2: no body in an answer to HEAD; §9.3.6: a 2xx to CONNECT has none either
      if (HttpMethod.HEAD.equals(m) || (HttpMethod.CONNECT.equals(m) && code < 300)) {
        return true;
      }
    }
    return super.isContentAlwaysEmpty(msg);
  }
}
