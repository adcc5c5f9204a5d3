package org.masakari.lb.vrrp;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Per-verdict counters of received packets; read by the stats endpoints from any thread. */
public final class DropCounters {
  private final AtomicLongArray counts = new AtomicLongArray(ReceiveVerdict.values().length);

  public long increment(ReceiveVerdict verdict) {
    return counts.incrementAndGet(verdict.ordinal());
  }

  public long get(ReceiveVerdict verdict) {
    return counts.get(verdict.ordinal());
  }

  public Map<ReceiveVerdict, Long> snapshot() {
    Map<ReceiveVerdict, Long> m = new EnumMap<>(ReceiveVerdict.class);
    for (ReceiveVerdict v : ReceiveVerdict.values()) {
      m.put(v, counts.get(v.ordinal()));
    }
    return m;
  }
}
