package org.masakari.engine.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;

/** The one registry of task names: the built-ins plus every {@link RecoveryTaskProvider} on the class path. */
public final class TaskRegistry {
  private final Map<String, Function<TaskDependencies, RecoveryTask>> factories = new LinkedHashMap<>();
  private final TaskDependencies deps;

  public TaskRegistry(TaskDependencies deps) {
    this(deps, ServiceLoader.load(RecoveryTaskProvider.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  public TaskRegistry(TaskDependencies deps, List<RecoveryTaskProvider> plugins) {
    this.deps = deps;
    add("disable_compute_service_task", DisableComputeServiceTask::new);
    add("prepare_HA_enabled_instances_task", PrepareHaEnabledInstancesTask::new);
    add("evacuate_instances_task", EvacuateInstancesTask::new);
    add("stop_instance_task", StopInstanceTask::new);
    add("start_instance_task", StartInstanceTask::new);
    add("confirm_instance_active_task", ConfirmInstanceActiveTask::new);
    add("disable_compute_node_task", DisableComputeNodeTask::new);
    add("confirm_compute_node_disabled_task", ConfirmComputeNodeDisabledTask::new);
    add("no_op", d -> new NoOpTask());
    add("recover_compute_host_task", RecoverComputeHostTask::new);
    for (RecoveryTaskProvider p : plugins) {
      add(p.taskName(), p::create);
    }
  }

  private void add(String name, Function<TaskDependencies, RecoveryTask> f) {
    if (factories.putIfAbsent(name, f) != null) {
      throw new IllegalStateException("recovery task name '" + name + "' is registered twice");
    }
  }

  public boolean has(String name) {
    return factories.containsKey(name);
  }

  public RecoveryTask create(String name) {
    Function<TaskDependencies, RecoveryTask> f = factories.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown recovery task '" + name + "' (known: " + factories.keySet() + ")");
    }
    return f.apply(deps);
  }
}
