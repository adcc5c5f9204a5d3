package org.masakari.launcher;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.masakari.launcher.demo.DemoCloud;
import org.masakari.launcher.demo.DemoOptions;
import org.masakari.launcher.demo.MasakariApiClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * The class-data-sharing training run (hidden; {@code bin/masakari --create-cds-archive} runs it under
 * {@code -XX:ArchiveClassesAtExit}): the whole demo once — simulated cloud, H2 + Flyway + Hibernate, engine,
 * API, seeding, keystone-authenticated reads — on free loopback ports in a scratch directory, then exit.
 * Every class it loads goes into the archive, so later starts map them instead of parsing jars.
 */
@Command(name = "cds-training", hidden = true, description = "Internal: one demo round trip for the class-data archive.")
public final class CdsTrainingCommand implements Callable<Integer> {
  @Parameters(index = "0", description = "scratch directory (created; the caller removes it)")
  Path scratch;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(scratch);
    DemoOptions o = DemoOptions.defaults(scratch, "127.0.0.1", free()).withSimPorts(free(), free());
    try (DemoCloud cloud = DemoCloud.start(o)) {
      MasakariApiClient admin = cloud.adminClient();
      for (String path : new String[] {"/segments", "/segments/" + cloud.segmentUuid() + "/hosts", "/notifications",
          "/segments/" + cloud.segmentUuid()}) {
        if (!admin.get(path).ok()) {
          throw new IllegalStateException("training request GET " + path + " failed");
        }
      }
    }
    return 0;
  }

  private static int free() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
