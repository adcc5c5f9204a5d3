package org.masakari.engine.flows;

import java.util.List;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.config.FlowTasks;
import org.masakari.engine.config.RecoveryFlowOptions;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.tasks.FlowContext;
import org.masakari.engine.tasks.NotificationIgnored;
import org.masakari.engine.tasks.RecoveryFailed;
import org.masakari.engine.tasks.RecoverySkipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host failure by recovery method (contract §5.3): {@code auto} lets Nova's scheduler place the
 * instances; {@code reserved_host} tries the segment's reserved hosts one per attempt;
 * {@code auto_priority} falls back to reserved hosts and {@code rh_priority} to auto. "Nothing to do"
 * and "ignore" never trigger a fallback.
 */
public final class HostFailureFlow {
  private static final Logger LOG = LoggerFactory.getLogger(HostFailureFlow.class);
  static final String NO_RESERVED_HOST = "No reserved_hosts available for evacuation.";

  private final FlowRunner runner;
  private final RecoveryFlowOptions flows;

  public HostFailureFlow(FlowRunner runner, RecoveryFlowOptions flows) {
    this.runner = runner;
    this.flows = flows;
  }

  public void recover(FlowContext ctx, RecoveryMethod method) {
    switch (method) {
      case AUTO -> auto(ctx);
      case RESERVED_HOST -> reservedHost(ctx);
      case AUTO_PRIORITY -> withFallback(ctx, () -> auto(ctx), () -> reservedHost(ctx), "reserved_host");
      case RH_PRIORITY -> withFallback(ctx, () -> reservedHost(ctx), () -> auto(ctx), "auto");
      default -> throw new IllegalStateException("unknown recovery method " + method);
    }
  }

  private void auto(FlowContext ctx) {
    runner.run(ctx, flows.hostAuto().ordered());
  }

  /** The pre tasks once, then main + post once per reserved host until one attempt succeeds. */
  private void reservedHost(FlowContext ctx) {
    List<String> reserved = ctx.reservedHostList();
    if (reserved.isEmpty()) {
      // upstream fails before disabling the failed host's service; so do we
      throw new RecoveryFailed(NO_RESERVED_HOST);
    }
    FlowTasks t = flows.hostReservedHost();
    runner.run(ctx, t.pre());
    RuntimeException last = null;
    List<String> attempt = new java.util.ArrayList<>(t.main());
    attempt.addAll(t.post());
    for (String host : reserved) {
      try {
        LOG.info("{} trying reserved host {}", ctx.tag(), host);
        runner.run(ctx.withReservedHost(host), attempt);
        return;
      } catch (RecoverySkipped | NotificationIgnored | Waiter.EngineStopping e) {
        throw e;
      } catch (RuntimeException e) {
        LOG.warn("{} reserved host {} failed: {}", ctx.tag(), host, e.getMessage());
        last = e;
      }
    }
    throw new RecoveryFailed("all reserved hosts failed: " + (last == null ? "" : last.getMessage()), last);
  }

  private static void withFallback(FlowContext ctx, Runnable first, Runnable second, String secondName) {
    try {
      first.run();
    } catch (RecoverySkipped | NotificationIgnored | Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("{} recovery failed ({}); falling back to {}", ctx.tag(), e.getMessage(), secondName);
      second.run();
    }
  }
}
