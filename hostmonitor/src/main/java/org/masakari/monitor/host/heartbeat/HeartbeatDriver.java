package org.masakari.monitor.host.heartbeat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.masakari.client.notifier.GeneratedTime;
import org.masakari.client.notifier.HostStatus;
import org.masakari.client.notifier.MasakariNotifier;
import org.masakari.client.notifier.Notification;
import org.masakari.monitor.host.HostMonitorDriver;
import org.masakari.monitor.host.StopSignal;
import org.masakari.monitor.host.power.IpmiPowerCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our pacemaker-free driver: the hostmonitors of a segment send each other UDP heartbeats on every
 * configured network each {@code interval}; each heartbeat carries the sender's list of lost peers.
 * A peer silent on all networks for {@code dead_after} is failed once a majority of the segment
 * agrees (see {@link FailureDecision}); exactly one agreeing node reports it, after an optional
 * IPMI power-off check. The same node reports STARTED when the peer is heard again.
 */
public final class HeartbeatDriver implements HostMonitorDriver {
  private static final Logger LOG = LoggerFactory.getLogger(HeartbeatDriver.class);
  private static final int RECEIVE_POLL_MS = 200;

  private final String self;
  private final HeartbeatOptions options;
  private final boolean confirmPowerOff;
  private final IpmiPowerCheck power;
  private final MasakariNotifier notifier;
  private final Clock clock;
  private final StopSignal stop;
  private final PeerTable peers;
  private final TreeSet<String> hosts;
  /** Peers this node reported failed and has not heard since. Touched by the tick thread only. */
  private final Set<String> reported = new HashSet<>();
  private final Map<HeartbeatMessage.Verdict, AtomicLong> received = new EnumMap<>(HeartbeatMessage.Verdict.class);
  private final Set<String> warnedDrops = ConcurrentHashMap.newKeySet();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong reports = new AtomicLong();
  private final AtomicLong lastTickMillis = new AtomicLong(System.currentTimeMillis());
  private final AtomicLong aliveCount = new AtomicLong();
  private final List<DatagramSocket> sockets = new ArrayList<>();
  private final List<Thread> receivers = new ArrayList<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "heartbeat-tick"));
  /** IPMI checks can take a minute; heartbeats must not wait for them. */
  private final ExecutorService reporter = Executors.newSingleThreadExecutor(r -> daemon(r, "heartbeat-report"));
  private long seq;
  /** The view in our last heartbeat; a change is sent at once instead of at the next round. */
  private Set<String> lastSentLost = Set.of();

  public HeartbeatDriver(String self, HeartbeatOptions options, boolean confirmPowerOff, IpmiPowerCheck power,
      MasakariNotifier notifier, Clock clock, StopSignal stop) {
    this.self = self;
    this.options = options;
    this.confirmPowerOff = confirmPowerOff;
    this.power = power;
    this.notifier = notifier;
    this.clock = clock;
    this.stop = stop;
    this.hosts = options.hosts();
    this.peers = new PeerTable(self, hosts);
    for (HeartbeatMessage.Verdict v : HeartbeatMessage.Verdict.values()) {
      received.put(v, new AtomicLong());
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public String name() {
    return "heartbeat";
  }

  @Override
  public void start() {
    for (String net : options.networks()) {
      InetAddress own = options.addresses().get(net).get(self);
      DatagramSocket s;
      try {
        s = new DatagramSocket(new InetSocketAddress(own, options.port()));
        s.setSoTimeout(RECEIVE_POLL_MS);
      } catch (IOException e) {
        throw new UncheckedIOException("[heartbeat " + net + "] cannot bind " + own.getHostAddress() + ":"
            + options.port() + ": " + e.getMessage(), e);
      }
      sockets.add(s);
      Thread t = new Thread(() -> receive(net, s), "heartbeat-recv-" + net);
      t.setDaemon(true);
      receivers.add(t);
      t.start();
    }
    LOG.info("[host={}] heartbeat driver: {} hosts, networks {}, every {} ms, dead after {} ms", self, hosts.size(),
        options.networks(), options.interval().toMillis(), options.deadAfter().toMillis());
    ticker.scheduleAtFixedRate(this::tick, 0, options.interval().toMillis(), TimeUnit.MILLISECONDS);
    // losses are looked for four times per interval, so detection is dead_after + interval/4, not + interval
    long checkMillis = Math.max(10, options.interval().toMillis() / 4);
    ticker.scheduleAtFixedRate(this::checkForLosses, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
  }

  private void receive(String net, DatagramSocket s) {
    byte[] buf = new byte[2048];
    while (!stop.isStopped() && !s.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        s.receive(p);
      } catch (SocketTimeoutException e) {
        continue;
      } catch (IOException e) {
        if (!s.isClosed()) {
          LOG.warn("[heartbeat {}] receive failed: {}", net, e.getMessage());
        }
        continue;
      }
      HeartbeatMessage.Decoded d = HeartbeatMessage.decode(p.getData(), p.getLength(), options.authKey(), hosts, self);
      received.get(d.verdict()).incrementAndGet();
      if (d.verdict() == HeartbeatMessage.Verdict.OK) {
        HeartbeatMessage m = d.message().orElseThrow();
        if (m.network().equals(net) && peers.heard(m, System.nanoTime()) && !m.lost().isEmpty()) {
          // a peer lost someone: count its vote now rather than at our next round (saves up to one interval)
          ticker.execute(this::decideNow);
        }
      } else if (warnedDrops.add(d.verdict() + "/" + p.getAddress())) {
        LOG.warn("[heartbeat {}] dropped a datagram from {}: {} (further ones from there are only counted)",
            net, p.getAddress().getHostAddress(), d.verdict());
      }
    }
  }

  private void tick() {
    try {
      PeerTable.Snapshot snap = peers.snapshot(System.nanoTime(), options.deadAfter().toNanos());
      aliveCount.set(snap.alive().size());
      sendHeartbeats(snap.lost());
      decide(snap);
      lastTickMillis.set(System.currentTimeMillis());
    } catch (RuntimeException e) {
      LOG.error("[host={}] heartbeat round failed; continuing", self, e); // a thrown task would stop the schedule
    }
  }

  private void checkForLosses() {
    try {
      PeerTable.Snapshot snap = peers.snapshot(System.nanoTime(), options.deadAfter().toNanos());
      if (!snap.lost().equals(lastSentLost)) {
        sendHeartbeats(snap.lost()); // a triggered update: our vote reaches the others now
      }
      decide(snap);
    } catch (RuntimeException e) {
      LOG.error("[host={}] heartbeat loss check failed; continuing", self, e);
    }
  }

  private void decideNow() {
    try {
      decide(peers.snapshot(System.nanoTime(), options.deadAfter().toNanos()));
    } catch (RuntimeException e) {
      LOG.error("[host={}] heartbeat decision failed; continuing", self, e);
    }
  }

  private void sendHeartbeats(Set<String> lost) {
    seq++;
    lastSentLost = Set.copyOf(lost);
    for (int i = 0; i < sockets.size(); i++) {
      String net = options.networks().get(i);
      byte[] data = new HeartbeatMessage(self, net, seq, lost).encode(options.authKey());
      for (Map.Entry<String, InetAddress> peer : options.addresses().get(net).entrySet()) {
        if (peer.getKey().equals(self)) {
          continue;
        }
        try {
          sockets.get(i).send(new DatagramPacket(data, data.length, peer.getValue(), options.port()));
          sent.incrementAndGet();
        } catch (IOException e) {
          LOG.debug("[heartbeat {}] send to {} failed: {}", net, peer.getKey(), e.getMessage());
        }
      }
    }
  }

  private void decide(PeerTable.Snapshot snap) {
    for (String target : snap.lost()) {
      Optional<TreeSet<String>> agreeing = FailureDecision.failed(target, self, hosts.size(), snap);
      if (agreeing.isEmpty() || reported.contains(target)) {
        continue;
      }
      if (FailureDecision.isReporter(self, agreeing.get())) {
        reported.add(target);
        LOG.warn("[host={}] silent on all heartbeat networks for {} ms; {} of {} hosts agree ({}); reporting it",
            target, options.deadAfter().toMillis(), agreeing.get().size(), hosts.size(), agreeing.get());
        reporter.execute(() -> reportStopped(target));
      }
    }
    for (String back : new ArrayList<>(reported)) {
      if (snap.alive().contains(back)) {
        reported.remove(back);
        LOG.info("[host={}] heard again; reporting it started", back);
        notifier.send(Notification.hostStarted(back, GeneratedTime.now(clock)));
      }
    }
  }

  private void reportStopped(String target) {
    var generated = GeneratedTime.now(clock);
    HostStatus status = confirmPowerOff
        ? power.check(target, Optional.ofNullable(options.ipmi().get(target)))
        : HostStatus.NORMAL;
    reports.incrementAndGet();
    notifier.send(Notification.hostStopped(target, generated, status));
  }

  @Override
  public boolean healthy() {
    return !sockets.isEmpty() && System.currentTimeMillis() - lastTickMillis.get()
        < options.interval().toMillis() * 5 + 1000;
  }

  @Override
  public String metrics() {
    StringBuilder sb = new StringBuilder();
    sb.append("# TYPE masakari_hostmonitor_heartbeats_sent_total counter\n")
        .append("masakari_hostmonitor_heartbeats_sent_total ").append(sent.get()).append('\n')
        .append("# TYPE masakari_hostmonitor_heartbeats_received_total counter\n");
    received.forEach((v, n) -> sb.append("masakari_hostmonitor_heartbeats_received_total{verdict=\"")
        .append(v.name().toLowerCase(java.util.Locale.ROOT)).append("\"} ").append(n.get()).append('\n'));
    sb.append("# TYPE masakari_hostmonitor_peers_alive gauge\nmasakari_hostmonitor_peers_alive ")
        .append(aliveCount.get()).append('\n')
        .append("# TYPE masakari_hostmonitor_hosts_reported_total counter\nmasakari_hostmonitor_hosts_reported_total ")
        .append(reports.get()).append('\n');
    return sb.toString();
  }

  @Override
  public void close() {
    stop.stop();
    ticker.shutdownNow();
    reporter.shutdownNow();
    sockets.forEach(DatagramSocket::close);
    for (Thread t : receivers) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
