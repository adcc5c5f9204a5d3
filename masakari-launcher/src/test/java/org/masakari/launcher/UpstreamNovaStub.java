package org.masakari.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * ../shared/tools/upstream-nova-stub.py — the Keystone + Nova stub upstream Masakari was recorded
 * against for the golden corpus — on a free loopback port.
 */
final class UpstreamNovaStub implements AutoCloseable {
  private final Process process;
  private final int port;

  private UpstreamNovaStub(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static UpstreamNovaStub start(Path logFile) throws IOException {
    int port = SharedLabs.freePort();
    Process p = new ProcessBuilder("/usr/bin/python3", SharedLabs.shared().resolve("tools/upstream-nova-stub.py").toString(),
        String.valueOf(port)).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
    SharedLabs.awaitPort(port, Duration.ofSeconds(20));
    return new UpstreamNovaStub(p, port);
  }

  String keystoneUrl() {
    return "http://127.0.0.1:" + port + "/identity/v3";
  }

  @Override
  public void close() {
    process.destroy();
  }
}
