package org.masakari.monitor.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one libvirt connection open: connect, resync, watch liveness every second, and on loss
 * reconnect with exponential back-off ({@code 1 s} doubling to {@code max_backoff}). Opening is
 * guarded by a timeout because {@code virConnectOpen} blocks forever against a hung libvirtd.
 * Upstream waits a fixed 3 s, exits when the reconnect fails, and never resyncs.
 */
final class LibvirtWatcher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LibvirtWatcher.class);
  static final Duration LIVENESS_POLL = Duration.ofSeconds(1);
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

  private final LibvirtOptions options;
  private final InstanceEventHandler handler;
  private final InstanceMonitorMetrics metrics;
  private final StopSignal stop;
  private final Clock clock;
  private final ExecutorService opener = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "libvirt-open");
    t.setDaemon(true);
    return t;
  });

  LibvirtWatcher(LibvirtOptions options, InstanceEventHandler handler, InstanceMonitorMetrics metrics,
      StopSignal stop, Clock clock) {
    this.options = options;
    this.handler = handler;
    this.metrics = metrics;
    this.stop = stop;
    this.clock = clock;
  }

  @Override
  public void run() {
    Duration backoff = FIRST_BACKOFF;
    boolean firstSight = true;
    String uri = options.connectionUri();
    while (!stop.isStopped()) {
      LibvirtSession session = open();
      if (session == null) {
        LOG.warn("[libvirt {}] not connected; next attempt in {} s", uri, backoff.toSeconds());
        if (stop.await(backoff)) {
          break;
        }
        backoff = min(backoff.multipliedBy(2), options.maxBackoff());
        continue;
      }
      backoff = FIRST_BACKOFF;
      try {
        handler.resync(session.listStates(), firstSight).get(options.openTimeout().toMillis(), TimeUnit.MILLISECONDS);
        firstSight = false;
        metrics.connected(true);
        LOG.info("[libvirt {}] connected; watching domain events", uri);
        while (session.isAlive() && !stop.await(LIVENESS_POLL)) {
          // events arrive on libvirt's loop thread; this thread only watches liveness
        }
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
          break;
        }
        LOG.warn("[libvirt {}] resync failed: {}", uri, e.toString());
      } finally {
        metrics.connected(false);
        session.close();
      }
      if (!stop.isStopped()) {
        LOG.warn("[libvirt {}] connection lost; reconnecting in {} s", uri, backoff.toSeconds());
        stop.await(backoff);
      }
    }
    opener.shutdownNow();
    LOG.info("[libvirt {}] watcher stopped", uri);
  }

  private LibvirtSession open() {
    CompletableFuture<LibvirtSession> f = CompletableFuture.supplyAsync(() -> {
      try {
        return new LibvirtSession(options.connectionUri(), handler::onEvent, clock);
      } catch (org.libvirt.LibvirtException e) {
        throw new IllegalStateException(e.getMessage(), e);
      }
    }, opener);
    try {
      return f.get(options.openTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("[libvirt {}] open did not return within {} s (hung libvirtd?)", options.connectionUri(),
          options.openTimeout().toSeconds());
      f.thenAccept(LibvirtSession::close); // when it finally returns, do not leak it
      return null;
    } catch (ExecutionException e) {
      LOG.warn("[libvirt {}] cannot connect: {}", options.connectionUri(), e.getCause().getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
