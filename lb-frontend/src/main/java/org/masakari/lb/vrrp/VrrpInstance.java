package org.masakari.lb.vrrp;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.masakari.lb.config.TrackInterfaceConfig;
import org.masakari.lb.config.TrackScriptConfig;
import org.masakari.lb.config.VrrpInstanceConfig;
import org.masakari.lb.net.GratuitousArpSender;
import org.masakari.lb.net.NetworkInterfaceInfo;
import org.masakari.lb.net.RawVrrpSocket;
import org.masakari.lb.net.VipManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running virtual router: a dedicated thread owns the raw socket and the state machine, so the
 * protocol never waits behind the balancer's event loops. Other threads talk to it through a command
 * queue that the thread drains at least every {@value #MAX_POLL_MILLIS} ms.
 */
public final class VrrpInstance implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);
  private static final int MAX_POLL_MILLIS = 10;
  private static final long TRACK_INTERFACE_PERIOD_MILLIS = 100;

  private final VrrpInstanceConfig config;
  private final String log;
  private final NetworkInterfaceInfo nic;
  private final RawVrrpSocket socket;
  private final GratuitousArpSender garp;
  private final VipManager vips;
  private final NotifyHooks notify;
  private final AdvertReceiveCheck receiveCheck;
  private final VrrpStateMachine machine;
  private final DropCounters counters = new DropCounters();
  private final ConcurrentLinkedQueue<Runnable> commands = new ConcurrentLinkedQueue<>();
  private final ExecutorService hookExecutor;
  private final ScheduledExecutorService trackerExecutor;
  private final List<PriorityTracker> trackers = new ArrayList<>();
  private final List<Boolean> trackerHealth = new ArrayList<>();
  private final AtomicReference<VrrpState> publishedState = new AtomicReference<>(VrrpState.INITIALIZE);
  private final RateLimitedDropLog dropLog;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private long nextGarpBurst = Long.MAX_VALUE;
  private long advertsSent;

  public VrrpInstance(VrrpInstanceConfig config, BooleanSupplier balancerHealthy) {
    this.config = config;
    this.log = "(" + config.name() + " vrid " + config.virtualRouterId() + ")";
    this.nic = NetworkInterfaceInfo.of(config.interfaceName(), config.virtualIps());
    Inet4Address source = config.unicastSrcIp() != null ? config.unicastSrcIp() : nic.primaryAddress();
    this.socket = new RawVrrpSocket(nic);
    this.garp = new GratuitousArpSender(nic);
    this.vips = new VipManager(log, config.interfaceName(), nic.index(), config.virtualCidrs());
    this.hookExecutor = Executors.newSingleThreadExecutor(r -> daemon(r, "vrrp-notify-" + config.name()));
    this.trackerExecutor = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vrrp-track-" + config.name()));
    this.notify = new NotifyHooks(log, config.name(), config.notifyScript(), config.notifyMaster(), config.notifyBackup(),
        hookExecutor);
    Set<Inet4Address> own = new HashSet<>(List.of(source, nic.primaryAddress()));
    this.receiveCheck = new AdvertReceiveCheck(config.version(), config.virtualRouterId(), config.virtualIps(),
        config.authType(), config.authPass(), config.advertIntervalCs(), own);
    this.dropLog = new RateLimitedDropLog(log);
    this.machine = new VrrpStateMachine(config.version(), config.priority(), config.advertIntervalCs(), config.preempt(),
        config.preemptDelay().toNanos(), source, new Actions(source));
    for (TrackInterfaceConfig t : config.trackInterfaces()) {
      trackers.add(new InterfaceTracker(t.name(), t.weight()));
    }
    for (TrackScriptConfig t : config.trackScripts()) {
      trackers.add(new ScriptTracker(t));
    }
    if (config.trackBalancerWeight() != null) {
      trackers.add(new BalancerTracker(balancerHealthy, config.trackBalancerWeight()));
    }
    trackers.forEach(t -> trackerHealth.add(Boolean.TRUE));
    this.thread = new Thread(this::loop, "vrrp-" + config.name());
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  public void start() {
    // keepalived removes VIPs at start-up: a previous crash (SIGKILL) may have left them behind
    vips.removeAll();
    LOG.info("{} starting: version {}, priority {}, advert_int {} ms, interface {} ({})", log, config.version().wireValue(),
        config.priority(), config.advertIntervalCs() * 10, nic.name(), nic.primaryAddress().getHostAddress());
    for (int i = 0; i < trackers.size(); i++) {
      int index = i;
      PriorityTracker t = trackers.get(i);
      long period = t instanceof ScriptTracker ? config.trackScripts().get(index - config.trackInterfaces().size())
          .interval().toMillis() : TRACK_INTERFACE_PERIOD_MILLIS;
      trackerExecutor.scheduleWithFixedDelay(() -> track(index), 0, period, TimeUnit.MILLISECONDS);
    }
    thread.start();
  }

  private void track(int index) {
    boolean healthy = trackers.get(index).healthy();
    commands.add(() -> {
      if (trackerHealth.get(index) != healthy) {
        LOG.info("{} tracked {} is now {}", log, trackers.get(index).describe(), healthy ? "UP" : "DOWN");
        trackerHealth.set(index, healthy);
        applyTracking(System.nanoTime());
      }
    });
  }

  private void applyTracking(long now) {
    TrackedPriority tp = TrackedPriority.of(config.priority(), trackerHealth,
        trackers.stream().map(PriorityTracker::weight).toList());
    if (tp.priority() != machine.priority()) {
      LOG.info("{} priority {} -> {}", log, machine.priority(), tp.priority());
      machine.changePriority(tp.priority(), now);
    }
    machine.fault(tp.fault(), now);
  }

  public VrrpState state() {
    return publishedState.get();
  }

  public String name() {
    return config.name();
  }

  public int virtualRouterId() {
    return config.virtualRouterId();
  }

  public DropCounters counters() {
    return counters;
  }

  /** Graceful stop: priority-0 advert if MASTER, VIPs removed, thread ended (bounded wait). */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    try {
      if (!stopped.await(2, TimeUnit.SECONDS)) {
        LOG.warn("{} VRRP thread did not stop within 2 s", log);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    trackerExecutor.shutdownNow();
    hookExecutor.shutdown();
    try {
      hookExecutor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    socket.close();
    garp.close();
    vips.close();
  }

  private void loop() {
    byte[] buffer = new byte[2048];
    try {
      machine.startup(System.nanoTime());
      applyTracking(System.nanoTime());
      while (running) {
        Runnable command;
        while ((command = commands.poll()) != null) {
          command.run();
        }
        long now = System.nanoTime();
        if (now >= machine.nextDeadline()) {
          machine.onTimer(now);
        }
        if (now >= nextGarpBurst) {
          sendGarpBurst();
          nextGarpBurst = Long.MAX_VALUE;
        }
        long wait = Math.min(machine.nextDeadline(), nextGarpBurst) - System.nanoTime();
        int waitMillis = (int) Math.max(0, Math.min(MAX_POLL_MILLIS, (wait + 999_999) / 1_000_000));
        int n = socket.receive(buffer, waitMillis);
        if (n > 0) {
          received(buffer, n);
        }
      }
      machine.shutdown(System.nanoTime());
    } catch (RuntimeException e) {
      // without its thread the instance can neither advertise nor yield: step out of the group
      LOG.error("{} VRRP thread failed, removing VIPs; this node no longer takes part: {}", log, e.toString(), e);
      vips.removeAll();
      publishedState.set(VrrpState.INITIALIZE);
    } finally {
      stopped.countDown();
    }
  }

  private void received(byte[] buffer, int length) {
    ReceivedAdvert r = receiveCheck.check(buffer, length);
    counters.increment(r.verdict());
    if (r.accepted()) {
      machine.onAdvert(r.advert(), r.source(), System.nanoTime());
    } else if (r.verdict().kind() != ReceiveVerdict.Kind.OTHER_VRID && r.verdict() != ReceiveVerdict.OWN_ADVERT) {
      dropLog.dropped(r, counters.get(r.verdict()));
    }
  }

  private void sendGarpBurst() {
    for (Inet4Address vip : config.virtualIps()) {
      for (int i = 0; i < config.garpMasterRepeat(); i++) {
        garp.send(vip);
      }
    }
  }

  private final class Actions implements VrrpActions {
    private final Inet4Address source;

    Actions(Inet4Address source) {
      this.source = source;
    }

    @Override
    public void sendAdvert(int priority) {
      VrrpAdvert advert = new VrrpAdvert(config.version(), config.virtualRouterId(), priority, config.advertIntervalCs(),
          config.authType(), config.authPass(), config.virtualIps());
      List<Inet4Address> destinations = config.unicastPeers().isEmpty() ? List.of(RawVrrpSocket.VRRP_GROUP)
          : config.unicastPeers();
      for (Inet4Address dst : destinations) {
        try {
          socket.send(VrrpCodec.encode(advert, source, dst), dst);
        } catch (RuntimeException e) {
          LOG.warn("{} sending advert to {} failed: {}", log, dst.getHostAddress(), e.getMessage());
        }
      }
      if (advertsSent++ == 0 || priority == 0) {
        LOG.info("{} sent advert priority {}", log, priority);
      }
    }

    @Override
    public void transition(VrrpState from, VrrpState to, String reason) {
      LOG.info("{} {} -> {} ({})", log, from, to, reason);
      if (to == VrrpState.MASTER) {
        vips.addAll();
        sendGarpBurst();
        if (!config.garpMasterDelay().isZero()) {
          nextGarpBurst = System.nanoTime() + config.garpMasterDelay().toNanos();
        }
      } else if (from == VrrpState.MASTER) {
        nextGarpBurst = Long.MAX_VALUE;
        vips.removeAll();
      }
      publishedState.set(to);
      notify.stateChanged(to, machine.priority());
    }
  }
}
