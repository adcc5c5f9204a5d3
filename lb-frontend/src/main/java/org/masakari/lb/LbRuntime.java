package org.masakari.lb;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.masakari.lb.admin.AdminApi;
import org.masakari.lb.balancer.Balancer;
import org.masakari.lb.config.ConfigException;
import org.masakari.lb.config.LbConfig;
import org.masakari.lb.config.VrrpInstanceConfig;
import org.masakari.lb.vrrp.VrrpInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lifecycle of everything {@code lb} runs: LATENT → STARTED → CLOSED, once. */
public final class LbRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LbRuntime.class);

  enum Lifecycle { LATENT, STARTED, CLOSED }

  private final Supplier<LbConfig> loader;
  private final Balancer balancer;
  private final List<VrrpInstance> vrrp = new CopyOnWriteArrayList<>();
  private AdminApi admin;
  private volatile LbConfig config;
  private Lifecycle lifecycle = Lifecycle.LATENT;

  public LbRuntime(LbConfig config, Supplier<LbConfig> loader) {
    this.config = config;
    this.loader = loader;
    this.balancer = new Balancer(config);
  }

  public synchronized void start() {
    if (lifecycle != Lifecycle.LATENT) {
      throw new IllegalStateException("cannot start twice (" + lifecycle + ")");
    }
    lifecycle = Lifecycle.STARTED;
    balancer.start(config);
    for (VrrpInstanceConfig vc : config.vrrpInstances()) {
      startVrrp(vc);
    }
    if (config.admin().enabled()) {
      admin = new AdminApi(balancer, () -> vrrp, this::reload);
      admin.start(config.admin());
    }
  }

  private void startVrrp(VrrpInstanceConfig vc) {
    VrrpInstance instance = new VrrpInstance(vc, balancer::healthy);
    instance.start();
    vrrp.add(instance);
  }

  /** Re-reads the file; a bad file is rejected and the running config stays. Returns an error or null. */
  public synchronized String reload() {
    if (lifecycle != Lifecycle.STARTED) {
      return "not running";
    }
    LbConfig next;
    try {
      next = loader.get();
    } catch (ConfigException e) {
      LOG.error("reload rejected, keeping the running configuration: {}", e.getMessage());
      return e.getMessage();
    }
    if (!next.admin().equals(config.admin())) {
      // the reload may have come through the admin API itself: its answer must not lose its connection
      LOG.warn("reload: global.admin, admin_socket and admin_socket_mode changes apply at the next start; keeping {}",
          config.admin());
      next = next.withAdmin(config.admin());
    }
    try {
      balancer.apply(next);
    } catch (IllegalStateException e) {
      // certificate files that cannot be used are found before anything changes (Balancer.apply)
      LOG.error("reload rejected, keeping the running configuration: {}", e.getMessage());
      return e.getMessage();
    }
    List<VrrpInstanceConfig> old = config.vrrpInstances();
    for (VrrpInstance i : new ArrayList<>(vrrp)) {
      VrrpInstanceConfig was = old.stream().filter(c -> c.name().equals(i.name())).findFirst().orElse(null);
      if (!next.vrrpInstances().contains(was)) {
        LOG.info("({} vrid {}) changed or removed by reload: restarting it", i.name(), i.virtualRouterId());
        i.close();
        vrrp.remove(i);
      }
    }
    for (VrrpInstanceConfig vc : next.vrrpInstances()) {
      if (!old.contains(vc) || vrrp.stream().noneMatch(i -> i.name().equals(vc.name()))) {
        startVrrp(vc);
      }
    }
    config = next;
    LOG.info("configuration reloaded");
    return null;
  }

  public List<VrrpInstance> vrrpInstances() {
    return vrrp;
  }

  public Balancer balancer() {
    return balancer;
  }

  /** VRRP first (priority-0 advert, VIPs removed) so the peer takes over while we still serve. */
  @Override
  public synchronized void close() {
    if (lifecycle == Lifecycle.CLOSED) {
      return;
    }
    lifecycle = Lifecycle.CLOSED;
    vrrp.forEach(VrrpInstance::close);
    if (admin != null) {
      admin.close();
    }
    balancer.close();
    LOG.info("stopped");
  }
}
