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
}
