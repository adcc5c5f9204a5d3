package org.masakari.launcher.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.masakari.client.config.IniFile;
import org.masakari.core.config.MasakariConfig;
import org.masakari.core.db.DatabaseUrl;
import org.masakari.launcher.AllInOne;
import org.masakari.sim.CloudSim;
import org.masakari.sim.RunningSim;
import org.masakari.sim.SimConfig;
import org.masakari.sim.cloud.Caller;
import org.masakari.sim.cloud.ServiceUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code masakari aio} without a Nova: the simulated Keystone and Nova of {@link DemoScenario}, the API in
 * keystone mode against that Keystone, the engine against that Nova, H2 and the in-process queue, all in
 * this JVM; then the segment and hosts are created through the API and an openrc is written. The
 * end-to-end test and the MTTR benchmark start exactly this.
 */
public final class DemoCloud implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoCloud.class);
  /** Nova's legacy policy only looks at the admin role; ids are for the instance-action records. */
  static final Caller SIM_ADMIN = new Caller("demo-setup", "demo-setup", true);
  public static final String RESERVED_DISABLED_REASON = "reserved for Masakari";

  private final RunningSim sim;
  private final AllInOne aio;
  private final String apiUrl;
  private final String segmentUuid;
  private final Path openrc;

  private DemoCloud(RunningSim sim, AllInOne aio, String apiUrl, String segmentUuid, Path openrc) {
    this.sim = sim;
    this.aio = aio;
    this.apiUrl = apiUrl;
    this.segmentUuid = segmentUuid;
    this.openrc = openrc;
  }

  public static DemoCloud start(DemoOptions o) {
    return start(o, DemoScenario.layout());
  }

  public static DemoCloud start(DemoOptions o, CloudLayout layout) {
    long t0 = System.nanoTime();
    String publicHost = publicHost(o.listen());
    int apiPort = o.apiPort() == 0 ? freePort(o.listen()) : o.apiPort();
    String apiUrl = "http://" + publicHost + ":" + apiPort + "/v1";
    RunningSim sim;
    try {
      sim = CloudSim.start(SimConfig.defaults().withPorts(o.keystonePort(), o.novaPort())
          .withScenario(layout.scenario()).withSettings(o.settings()).withMasakariUrl(apiUrl));
    } catch (IllegalStateException e) {
      throw new IllegalStateException("simulated cloud: Keystone port " + o.keystonePort() + " or Nova port "
          + o.novaPort() + " unavailable (--sim-keystone-port/--sim-nova-port choose others, --no-sim runs without): "
          + e.getMessage(), e);
    }
    AllInOne aio = null;
    try {
      // a reserved host takes no new servers until Masakari enables it for a recovery
      if (layout.reservedHost() != null) {
        sim.state().updateService(SIM_ADMIN, layout.reservedHost(), "nova-compute",
            new ServiceUpdate("disabled", true, RESERVED_DISABLED_REASON, null));
      }
      List<String> lines = new ArrayList<>(o.baseLines());
      lines.addAll(DemoScenario.masakariConfig(sim.keystoneUrl(), o.extraLines()));
      MasakariConfig cfg = MasakariConfig.of(IniFile.parse(o.configFile(), lines));
      cfg.warnings().forEach(w -> LOG.warn("{}", w));
      DatabaseUrl db = o.database() != null ? o.database() : DatabaseUrl.h2File(o.dataDir());
      aio = AllInOne.start(cfg, db, o.listen(), apiPort, null);
      MasakariApiClient admin = MasakariApiClient.create(apiUrl, DemoScenario.admin(sim.keystoneUrl()));
      String segment = new MasakariSeeder(admin).seed(layout.segment(), o.recoveryMethod(),
          layout.computeHosts(), layout.reservedHost());
      // the engine started in the background while the demo was seeded; its failure still fails the start
      aio.awaitEngine();
      Path openrc = Openrc.write(o.dataDir(), sim.keystoneUrl());
      LOG.info("demo cloud ready in {} ms: API {}, Keystone {}, Nova {}, segment {} ({})",
          (System.nanoTime() - t0) / 1_000_000, apiUrl, sim.keystoneUrl(), sim.novaUrl(), segment, o.recoveryMethod());
      return new DemoCloud(sim, aio, apiUrl, segment, openrc);
    } catch (IOException | RuntimeException e) {
      if (aio != null) {
        aio.close();
      }
      sim.close();
      throw e instanceof IOException io ? new UncheckedIOException("demo set-up failed: " + io.getMessage(), io)
          : (RuntimeException) e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (aio != null) {
        aio.close();
      }
      sim.close();
      throw new IllegalStateException("interrupted while seeding the demo", e);
    }
  }

  public RunningSim sim() {
    return sim;
  }

  public AllInOne aio() {
    return aio;
  }

  /** {@code http://127.0.0.1:15868/v1} */
  public String apiUrl() {
    return apiUrl;
  }

  public String segmentUuid() {
    return segmentUuid;
  }

  public Path openrc() {
    return openrc;
  }

  /** An API client acting as the cloud admin (what the openrc gives the openstack CLI). */
  public MasakariApiClient adminClient() {
    return MasakariApiClient.create(apiUrl, DemoScenario.admin(sim.keystoneUrl()));
  }

  @Override
  public void close() {
    aio.close();
    sim.close();
  }

  private static String publicHost(String listen) {
    return listen.equals("0.0.0.0") || listen.equals("::") ? "127.0.0.1" : listen;
  }

  /** The catalog must name the API's port before the API starts, so a free one is chosen first. */
  private static int freePort(String listen) {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(publicHost(listen)))) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + listen, e);
    }
  }

  static void ensureDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }
}
