package org.masakari.engine.tasks;

import java.util.Set;
import org.masakari.engine.config.InstanceFailureOptions;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.nova.Server;

/**
 * Instance failure, step 1: only HA-enabled instances (unless {@code process_all_instances}); paused or
 * rescued ones are left alone; otherwise stop it (a resized one is reset to active first) and wait for
 * stopped. A 409 on stop is fine when the instance is stopped by then (LP#1782517).
 */
public final class StopInstanceTask implements RecoveryTask {
  private static final Set<String> LEAVE_ALONE = Set.of("paused", "rescued");
  private final TaskDependencies deps;

  public StopInstanceTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "StopInstanceTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    String id = ctx.instanceUuid();
    InstanceFailureOptions opt = deps.options().instanceFailure();
    // read first, as upstream: an unknown instance fails without progress details
    Server s = deps.nova().server(id);
    progress.update("Stopping instance: " + id, 0.0);
    if (!opt.processAllInstances() && !s.metadataFlag(opt.haEnabledMetadataKey())) {
      progress.update("Skipping recovery for instance: " + id + " as it is not Ha_Enabled", 1.0);
      throw new RecoverySkipped("instance " + id + " is not HA enabled");
    }
    if (LEAVE_ALONE.contains(s.vmState())) {
      progress.update("Recovery of instance '" + id + "' is ignored as it is in '" + s.vmState() + "' state.", 1.0);
      throw new NotificationIgnored("instance " + id + " is " + s.vmState());
    }
    if (!"stopped".equals(s.vmState())) {
      if ("resized".equals(s.vmState())) {
        deps.nova().resetState(id, "active");
      }
      try {
        deps.nova().stop(id);
      } catch (NovaException e) {
        if (e.kind() != NovaException.Kind.CONFLICT) {
          throw e;
        }
      }
      deps.poller().until(ctx.tag() + " power off", () -> deps.nova().server(id), v -> "stopped".equals(v.vmState()),
          deps.options().timing().powerOffWait(), deps.options().timing().verifyInterval());
    }
    progress.update("Stopped instance: '" + id + "'", 1.0);
  }
}
