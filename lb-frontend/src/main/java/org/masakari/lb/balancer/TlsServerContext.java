package org.masakari.lb.balancer;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import org.masakari.lb.config.FrontendConfig;

/**
 * The TLS server side of a fast-path frontend, read from its PEM files. The key is parsed by Vert.x's PEM reader,
 * which takes PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and PKCS#8 keys alike (Netty's own reader needs BouncyCastle
 * for PKCS#1); Netty's JDK engine then speaks TLS with the resulting key manager. HTTP/1.1 only, so no ALPN.
 */
final class TlsServerContext {
  private TlsServerContext() {}

  /** Null for a plain frontend; IllegalStateException naming the files when they cannot be used. */
  static SslContext of(Vertx vertx, FrontendConfig fc) {
    if (fc.tlsCert() == null) {
      return null;
    }
    try {
      PemKeyCertOptions pem = new PemKeyCertOptions().setCertPath(fc.tlsCert()).setKeyPath(fc.tlsKey());
      return SslContextBuilder.forServer(pem.getKeyManagerFactory(vertx)).build();
    } catch (Exception e) {
      throw new IllegalStateException("[frontend=" + fc.name() + "] tls: cannot use cert " + fc.tlsCert() + " and key "
          + fc.tlsKey() + ": " + e.getMessage(), e);
    }
  }
}
