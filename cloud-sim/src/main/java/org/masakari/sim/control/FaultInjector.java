package org.masakari.sim.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Per-call latency and error rates. Calls are named like {@code evacuate}, {@code os-stop},
 * {@code servers.detail}, {@code services.update} (see docs/cloud-sim.md); {@code *} applies to
 * every call that has no rule of its own.
 */
public final class FaultInjector {
  public static final String ANY = "*";

  private final Map<String, CallFault> rules = new ConcurrentHashMap<>();

  public void set(String call, CallFault fault) {
    rules.put(call, fault);
  }

  public void remove(String call) {
    rules.remove(call);
  }

  public void clear() {
    rules.clear();
  }

  public Map<String, CallFault> rules() {
    return new TreeMap<>(rules);
  }

  public CallFault forCall(String call) {
    CallFault f = rules.get(call);
    if (f == null) {
      f = rules.getOrDefault(ANY, CallFault.NONE);
    }
    return f;
  }

  /** Whether this call fails, rolled once per call. */
  public boolean rollError(CallFault f) {
    return f.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < f.errorRate();
  }
}
