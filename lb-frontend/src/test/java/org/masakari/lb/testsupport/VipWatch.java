package org.masakari.lb.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Samples the VIP on every node in a background thread for the whole test. A double MASTER is two
 * holders in two consecutive rounds (≈ 20–40 ms): a single-round overlap is the few milliseconds a
 * yielding master needs to run {@code ip addr del}, which keepalived has as well.
 */
public final class VipWatch implements AutoCloseable {
  private final NetnsLab lab;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<String> doubleMasters = new ArrayList<>();
  private final List<String> transientOverlaps = new ArrayList<>();
  private final Thread thread;
  private volatile List<String> last = List.of();
  private volatile int rounds;

  public VipWatch(NetnsLab lab) {
    this.lab = lab;
    this.thread = new Thread(this::loop, "vip-watch");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    List<String> previous = List.of();
    long end = System.nanoTime() + 600_000_000_000L; // bounded: 10 minutes at most
    while (running.get() && System.nanoTime() < end) {
      List<String> holders = lab.vipHolders();
      if (holders.size() > 1) {
        String at = System.currentTimeMillis() + " " + holders;
        synchronized (this) {
          (previous.size() > 1 ? doubleMasters : transientOverlaps).add(at);
        }
      }
      previous = holders;
      last = holders;
      rounds++;
    }
  }

  /** Forgets overlaps seen so far (the start-up of cold JVMs, before the first election settled). */
  public synchronized void forgetStartup() {
    doubleMasters.clear();
    transientOverlaps.clear();
  }

  public synchronized List<String> doubleMasters() {
    return new ArrayList<>(doubleMasters);
  }

  public synchronized List<String> transientOverlaps() {
    return new ArrayList<>(transientOverlaps);
  }

  public int rounds() {
    return rounds;
  }

  /** Waits (bounded) until exactly {@code node} holds the VIP. */
  public boolean awaitOnly(String node, long timeoutMillis) throws InterruptedException {
    long end = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < end) {
      if (lab.vipHolders().equals(List.of(node))) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    thread.join(5000);
  }
}
