package org.masakari.engine.tasks;

import java.util.ArrayList;
import java.util.List;
import org.masakari.engine.config.HostFailureOptions;
import org.masakari.engine.nova.Server;

/**
 * Host failure, step 2: choose the instances to evacuate — HA-enabled ones first, then (with
 * {@code evacuate_all_instances}) the rest; optionally without those in error — and record one vmove
 * per instance.
 */
public final class PrepareHaEnabledInstancesTask implements RecoveryTask {
  private final TaskDependencies deps;

  public PrepareHaEnabledInstancesTask(TaskDependencies deps) {
    this.deps = deps;
  }

  @Override
  public String displayName() {
    return "PrepareHAEnabledInstancesTask";
  }

  @Override
  public void execute(FlowContext ctx, Progress progress) {
    HostFailureOptions opt = deps.options().hostFailure();
    String host = ctx.hostName();
    progress.update("Preparing instances for evacuation", 0.0);
    List<Server> servers = new ArrayList<>(ctx.hostServers().take(() -> deps.nova().serversOnHost(host)).servers());
    progress.update("Total instances running on failed host '" + host + "' is " + servers.size(), 0.3);
    if (opt.ignoreInstancesInErrorState()) {
      for (Server s : List.copyOf(servers)) {
        if ("error".equals(s.vmState())) {
          servers.remove(s);
          progress.update("Ignoring recovery of instance '" + s.id() + "' as it is in 'error' state.", 0.4);
        }
      }
    }
    List<Server> ha = servers.stream().filter(s -> s.metadataFlag(opt.haEnabledMetadataKey())).toList();
    List<Server> others = servers.stream().filter(s -> !s.metadataFlag(opt.haEnabledMetadataKey())).toList();
    progress.update("Total HA Enabled instances count: '" + ha.size() + "'", 0.6);
    List<Server> chosen = new ArrayList<>(ha);
    if (opt.evacuateAllInstances()) {
      progress.update("Total Non-HA Enabled instances count: '" + others.size() + "'", 0.7);
      chosen.addAll(others);
      progress.update("All instances (HA Enabled/Non-HA Enabled) should be considered for evacuation. Total count is: '"
          + chosen.size() + "'", 0.8);
    }
    deps.vmoves().preparePending(ctx.notificationUuid(), host, chosen);
    // ongoing rows of a dead engine count too: their instances have left the host but are unconfirmed
    long actionable = deps.vmoves().countActionable(ctx.notificationUuid());
    if (actionable == 0) {
      progress.update("Skipped host '" + host + "' recovery as no instances needs to be evacuated", 1.0);
      throw new RecoverySkipped("no instances to evacuate on host " + host);
    }
    progress.update("Instances to be evacuated are: '"
        + String.join(",", chosen.stream().map(Server::id).toList()) + "'", 1.0);
  }
}
