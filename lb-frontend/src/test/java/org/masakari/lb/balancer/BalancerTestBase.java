package org.masakari.lb.balancer;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.masakari.lb.LbRuntime;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.config.LbConfigLoader;
import org.masakari.lb.testsupport.Http;
import org.masakari.lb.testsupport.TestBackend;

/** Starts back ends in a test Vert.x and our runtime from a YAML string; cleans both up. */
abstract class BalancerTestBase {
  @TempDir
  Path dir;
  Vertx vertx;
  final List<TestBackend> backends = new ArrayList<>();
  LbRuntime runtime;
  int port;
  int adminPort;
  Path configFile;
  /** More lines of the global section (indented by two spaces), set before {@link #startLb}. */
  String globalExtra = "";

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopAll() throws Exception {
    if (runtime != null) {
      runtime.close();
    }
    for (TestBackend b : backends) {
      b.close();
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  TestBackend backend(String name) throws Exception {
    TestBackend b = new TestBackend(vertx, name);
    backends.add(b);
    return b;
  }

  /** {@code servers} is the YAML list body; {@code backendExtra} goes into the backend mapping. */
  void startLb(String mode, String frontendExtra, String backendExtra, String servers) throws Exception {
    port = Http.freePort();
    adminPort = Http.freePort();
    configFile = dir.resolve("lb.yaml");
    Files.writeString(configFile, yaml(mode, frontendExtra, backendExtra, servers));
    LbConfig config = LbConfigLoader.load(configFile);
    runtime = new LbRuntime(config, () -> LbConfigLoader.load(configFile));
    runtime.start();
  }

  String yaml(String mode, String frontendExtra, String backendExtra, String servers) {
    return "global:\n  admin: 127.0.0.1:" + adminPort + "\n  event_loops: 2\n" + globalExtra
        + "frontends:\n  - name: fe\n    bind: 127.0.0.1:" + port + "\n    mode: " + mode + "\n    default_backend: be\n"
        + frontendExtra
        + "backends:\n  - name: be\n" + backendExtra + "    servers:\n" + servers;
  }

  static String server(String name, TestBackend b) {
    return "      - {name: " + name + ", address: \"" + b.address() + "\"}\n";
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  String admin(String path) {
    return "http://127.0.0.1:" + adminPort + path;
  }
}
