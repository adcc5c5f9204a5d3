package org.masakari.lb.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Http;
import org.masakari.lb.testsupport.Shell;
import org.masakari.lb.testsupport.TestBackend;

class TcpAndTlsProxyTest extends BalancerTestBase {

  @Test
  void tcpModeSplicesAndRedispatchesARefusedConnect() throws Exception {
    TestBackend a = backend("a");
    TestBackend b = backend("b");
    startLb("tcp", "", "    check: {type: tcp, inter: 60000}\n", server("a", a) + server("b", b));
    a.close();
    backends.remove(a);
    for (int i = 0; i < 10; i++) {
      var r = Http.send("GET", url("/"), null);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("b\n");
    }
  }

  @Test
  void tlsTerminationFromPemFiles() throws Exception {
    Shell.ensureInstalled("openssl", "openssl");
    Path cert = dir.resolve("lb.crt");
    Path key = dir.resolve("lb.key");
    Shell.ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key.toString(), "-out", cert.toString());
    TestBackend a = backend("a");
    startLb("http", "    tls: {cert: " + cert + ", key: " + key + "}\n", "", server("a", a));

    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (var in = java.nio.file.Files.newInputStream(cert)) {
      trust.setCertificateEntry("lb", (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient client = HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(3)).build();
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/"))
        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.body()).isEqualTo("a\n");
    assertThat(a.lastHeaders().get("X-Forwarded-Proto")).isEqualTo("https");
  }

  @Test
  void reloadReadsRotatedCertificatesAndRejectsAKeyItCannotUse() throws Exception {
    TlsFiles tls = selfSigned("first");
    Path cert = tls.cert();
    Path key = tls.key();
    TestBackend a = backend("a");
    startLb("http", "    tls: {cert: " + cert + ", key: " + key + "}\n", "", server("a", a));
    assertThat(presentedSubject()).contains("CN=first");

    // rotated in place: same paths, same lb.yaml; a reload picks the new pair up for new connections
    selfSigned("second");
    assertThat(Http.send("POST", admin("/reload"), null).statusCode()).isEqualTo(200);
    assertThat(presentedSubject()).contains("CN=second");

    java.nio.file.Files.writeString(key, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
    var rejected = Http.send("POST", admin("/reload"), null);
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(rejected.body()).contains("frontend=fe").contains(key.toString());
    assertThat(presentedSubject()).contains("CN=second");
  }

  @Test
  void warmupDrivesTlsTooAndLeavesNoTrace() throws Exception {
    TlsFiles tls = selfSigned("warm");
    Path cert = tls.cert();
    Path key = tls.key();
    TestBackend a = backend("a");
    port = Http.freePort();
    adminPort = Http.freePort();
    configFile = dir.resolve("lb.yaml");
    java.nio.file.Files.writeString(configFile, yaml("http", "    tls: {cert: " + cert + ", key: " + key + "}\n",
        "    check: {type: none}\n", server("a", a)).replace("  event_loops: 2\n", "  event_loops: 2\n  warmup: 300ms\n"));
    runtime = new org.masakari.lb.LbRuntime(org.masakari.lb.config.LbConfigLoader.load(configFile),
        () -> org.masakari.lb.config.LbConfigLoader.load(configFile));
    runtime.start();
    assertThat(presentedSubject()).contains("CN=warm");
    assertThat(a.requests()).isZero();
    assertThat(Http.get(admin("/stats.json")).body()).doesNotContain("warmup");
  }

  @Test
  void tlsRunsInBoringSslOnThisPlatform() {
    // the JDK engine is the fallback, at a sixth of the handshakes per CPU second (docs/performance.md): a native
    // library that stopped loading must fail here, not only in a benchmark
    assertThat(TlsServerContext.provider()).as("netty-tcnative: %s", io.netty.handler.ssl.OpenSsl.unavailabilityCause())
        .isEqualTo(io.netty.handler.ssl.SslProvider.OPENSSL);
  }

  private record TlsFiles(Path cert, Path key) {}

  /** A fresh RSA key and self-signed certificate for CN={@code cn}, always at lb.crt / lb.key (openssl installed if missing). */
  private TlsFiles selfSigned(String cn) throws Exception {
    Shell.ensureInstalled("openssl", "openssl");
    TlsFiles f = new TlsFiles(dir.resolve("lb.crt"), dir.resolve("lb.key"));
    Shell.ok("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + cn,
        "-keyout", f.key().toString(), "-out", f.cert().toString());
    return f;
  }

  /** The subject of the certificate the frontend presents to a new connection (any certificate is accepted). */
  private String presentedSubject() throws Exception {
    SSLContext trustAll = SSLContext.getInstance("TLS");
    trustAll.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    }}, null);
    try (javax.net.ssl.SSLSocket s = (javax.net.ssl.SSLSocket) trustAll.getSocketFactory().createSocket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      s.startHandshake();
      return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
    }
  }
}
