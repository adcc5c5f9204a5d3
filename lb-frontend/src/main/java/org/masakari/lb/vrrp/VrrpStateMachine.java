package org.masakari.lb.vrrp;

import java.net.Inet4Address;
import java.util.Arrays;

/**
 * The VRRP router of RFC 5798 §6.4 for one virtual router, driven by explicit time: every method
 * takes {@code now} (nanoseconds on any monotonic scale), so tests run it on a simulated clock and
 * the driver on {@link System#nanoTime()}. Not thread-safe: one driver thread owns it.
 */
public final class VrrpStateMachine {
  private static final long NO_TIMER = Long.MAX_VALUE;
  public static final int PRIORITY_OWNER = 255;
  public static final int PRIORITY_LEAVING = 0;

  private final VrrpVersion version;
  private final int advertisementIntervalCs;
  private final boolean preempt;
  private final long preemptDelayNanos;
  private final byte[] localAddress;
  private final VrrpActions actions;

  private VrrpState state = VrrpState.INITIALIZE;
  private int priority;
  private int masterAdverIntervalCs;
  private long masterDownTimer = NO_TIMER;
  private long adverTimer = NO_TIMER;
  private long startedAt;

  public VrrpStateMachine(VrrpVersion version, int priority, int advertisementIntervalCs, boolean preempt,
      long preemptDelayNanos, Inet4Address localAddress, VrrpActions actions) {
    this.version = version;
    this.priority = priority;
    this.advertisementIntervalCs = advertisementIntervalCs;
    this.masterAdverIntervalCs = advertisementIntervalCs;
    this.preempt = preempt;
    this.preemptDelayNanos = preemptDelayNanos;
    this.localAddress = localAddress.getAddress();
    this.actions = actions;
  }

  public VrrpState state() {
    return state;
  }

  public int priority() {
    return priority;
  }

  public int masterAdverIntervalCs() {
    return masterAdverIntervalCs;
  }

  /** The earliest time at which {@link #onTimer} has work to do. */
  public long nextDeadline() {
    return Math.min(masterDownTimer, adverTimer);
  }

  /** RFC 5798 §6.4.1: Startup event in Initialize. */
  public void startup(long now) {
    if (state != VrrpState.INITIALIZE) {
      throw new IllegalStateException("startup: already " + state);
    }
    startedAt = now;
    if (priority == PRIORITY_OWNER) {
      becomeMaster(now, "address owner (priority 255)");
    } else {
      masterAdverIntervalCs = advertisementIntervalCs;
      masterDownTimer = now + masterDownInterval();
      enter(VrrpState.BACKUP, "startup");
    }
  }

  /** RFC 5798 §6.4.2/§6.4.3 Shutdown: a MASTER sends one priority-0 advert so a backup takes over in Skew_Time. */
  public void shutdown(long now) {
    if (state == VrrpState.MASTER) {
      actions.sendAdvert(PRIORITY_LEAVING);
    }
    masterDownTimer = NO_TIMER;
    adverTimer = NO_TIMER;
    if (state != VrrpState.INITIALIZE) {
      enter(VrrpState.INITIALIZE, "shutdown");
    }
  }

  /** Fires whichever timers have expired at {@code now}. */
  public void onTimer(long now) {
    if (state == VrrpState.BACKUP && now >= masterDownTimer) {
      becomeMaster(now, "Master_Down_Timer expired");
    } else if (state == VrrpState.MASTER && now >= adverTimer) {
      actions.sendAdvert(priority);
      adverTimer = now + VrrpTimers.intervalNanos(advertisementIntervalCs);
    }
  }

  /** An advert that passed {@link AdvertReceiveCheck} (never call this for a dropped one). */
  public void onAdvert(VrrpAdvert advert, Inet4Address source, long now) {
    switch (state) {
      case BACKUP -> backupReceives(advert, now);
      case MASTER -> masterReceives(advert, source, now);
      case INITIALIZE, FAULT -> { /* ignored before Startup and while in FAULT */ }
    }
  }

  /** Tracking changed our priority (weights from interfaces, scripts, balancer health). */
  public void changePriority(int newPriority, long now) {
    if (newPriority == priority) {
      return;
    }
    priority = newPriority;
    if (state == VrrpState.MASTER) {
      // tell the backups now rather than at the next Adver_Timer, so a preempting backup starts counting
      actions.sendAdvert(priority);
      adverTimer = now + VrrpTimers.intervalNanos(advertisementIntervalCs);
    }
  }

  /** A weight-0 tracked object failed (true) or recovered (false). */
  public void fault(boolean failed, long now) {
    if (failed && (state == VrrpState.MASTER || state == VrrpState.BACKUP)) {
      if (state == VrrpState.MASTER) {
        actions.sendAdvert(PRIORITY_LEAVING);
      }
      masterDownTimer = NO_TIMER;
      adverTimer = NO_TIMER;
      enter(VrrpState.FAULT, "tracked object failed");
    } else if (!failed && state == VrrpState.FAULT) {
      masterAdverIntervalCs = advertisementIntervalCs;
      masterDownTimer = now + masterDownInterval();
      enter(VrrpState.BACKUP, "tracked objects recovered");
    }
  }

  // RFC 5798 §6.4.2 "If an ADVERTISEMENT is received" in Backup
  private void backupReceives(VrrpAdvert advert, long now) {
    if (advert.priority() == PRIORITY_LEAVING) {
      masterDownTimer = now + VrrpTimers.skewTimeNanos(version, priority, masterAdverIntervalCs);
      return;
    }
    boolean preemptAllowed = preempt && now - startedAt >= preemptDelayNanos;
    if (!preemptAllowed || advert.priority() >= priority) {
      if (version == VrrpVersion.V3) {
        masterAdverIntervalCs = advert.advertIntervalCs();
      }
      masterDownTimer = now + masterDownInterval();
    }
    // else: a lower-priority master and we may preempt: discard, Master_Down_Timer will fire
  }

  // RFC 5798 §6.4.3 "If an ADVERTISEMENT is received" in Master
  private void masterReceives(VrrpAdvert advert, Inet4Address source, long now) {
    if (advert.priority() == PRIORITY_LEAVING) {
      actions.sendAdvert(priority);
      adverTimer = now + VrrpTimers.intervalNanos(advertisementIntervalCs);
      return;
    }
    boolean higher = advert.priority() > priority
        || (advert.priority() == priority && compareUnsigned(source.getAddress(), localAddress) > 0);
    if (higher) {
      adverTimer = NO_TIMER;
      if (version == VrrpVersion.V3) {
        masterAdverIntervalCs = advert.advertIntervalCs();
      }
      masterDownTimer = now + masterDownInterval();
      enter(VrrpState.BACKUP, "higher priority " + advert.priority() + " from " + source.getHostAddress());
    } else {
      // not in the RFC, but what keepalived does: answer at once so a lower-priority MASTER yields now
      actions.sendAdvert(priority);
      adverTimer = now + VrrpTimers.intervalNanos(advertisementIntervalCs);
    }
  }

  private void becomeMaster(long now, String reason) {
    masterDownTimer = NO_TIMER;
    actions.sendAdvert(priority);
    adverTimer = now + VrrpTimers.intervalNanos(advertisementIntervalCs);
    enter(VrrpState.MASTER, reason);
  }

  private long masterDownInterval() {
    return VrrpTimers.masterDownIntervalNanos(version, priority, masterAdverIntervalCs);
  }

  private void enter(VrrpState to, String reason) {
    VrrpState from = state;
    state = to;
    actions.transition(from, to, reason);
  }

  private static int compareUnsigned(byte[] a, byte[] b) {
    return Arrays.compareUnsigned(a, b);
  }
}
