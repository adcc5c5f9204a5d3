package org.masakari.lb.balancer;

import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.Vertx;
import io.vertx.core.net.PemKeyCertOptions;
import org.masakari.lb.config.FrontendConfig;

/**
 * The TLS server side of a fast-path frontend, read from its PEM files. The key is parsed by Vert.x's PEM reader,
 * which takes PKCS#1 ({@code BEGIN RSA PRIVATE KEY}) and PKCS#8 keys alike (Netty's own reader needs BouncyCastle
 * for PKCS#1). TLS itself runs in BoringSSL (netty-tcnative) when its native library loads, else in the JDK's engine:
 * HAProxy's OpenSSL did six times the handshakes per CPU second of the JDK engine on our path (docs/performance.md).
 * HTTP/1.1 only, so no ALPN.
 */
final class TlsServerContext {
  private TlsServerContext() {}

  /** BoringSSL if netty-tcnative loaded on this machine, the JDK's engine otherwise. */
  static SslProvider provider() {
    return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
  }

  /** Null for a plain frontend; IllegalStateException naming the files when they cannot be used. */
  static SslContext of(Vertx vertx, FrontendConfig fc) {
    if (fc.tlsCert() == null) {
      return null;
    }
    try {
      PemKeyCertOptions pem = new PemKeyCertOptions().setCertPath(fc.tlsCert()).setKeyPath(fc.tlsKey());
      return SslContextBuilder.forServer(pem.getKeyManagerFactory(vertx)).sslProvider(provider()).build();
    } catch (Exception e) {
      throw new IllegalStateException("[frontend=" + fc.name() + "] tls: cannot use cert " + fc.tlsCert() + " and key "
          + fc.tlsKey() + ": " + e.getMessage(), e);
    }
  }
}
