package org.masakari.engine.support;

import org.masakari.engine.tasks.FlowContext;
import org.masakari.engine.tasks.Progress;
import org.masakari.engine.tasks.RecoveryTask;
import org.masakari.engine.tasks.RecoveryTaskProvider;
import org.masakari.engine.tasks.TaskDependencies;

/** An operator's task, found through META-INF/services: reports the host it was given. */
public final class EchoTaskProvider implements RecoveryTaskProvider {
  @Override
  public String taskName() {
    return "echo_host_task";
  }

  @Override
  public RecoveryTask create(TaskDependencies deps) {
    return new RecoveryTask() {
      @Override
      public String displayName() {
        return "EchoHostTask";
      }

      @Override
      public void execute(FlowContext ctx, Progress progress) {
        progress.update("operator task saw host " + ctx.hostName(), 1.0);
      }
    };
  }
}
