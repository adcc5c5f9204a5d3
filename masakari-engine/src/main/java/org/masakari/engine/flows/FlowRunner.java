package org.masakari.engine.flows;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.masakari.core.progress.TaskProgressStore;
import org.masakari.core.progress.TaskState;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.tasks.FlowContext;
import org.masakari.engine.tasks.NotificationIgnored;
import org.masakari.engine.tasks.Progress;
import org.masakari.engine.tasks.RecoverySkipped;
import org.masakari.engine.tasks.RecoveryTask;
import org.masakari.engine.tasks.TaskRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks in order as one recorded run: every task gets a progress row (state, progress, details)
 * that the API renders as {@code recovery_workflow_details}. A skipped or ignored task shows
 * {@code REVERTED} (as upstream), a failed one {@code FAILURE}, and the tasks completed before either
 * {@code REVERTED}; the first failure ends the run.
 */
public final class FlowRunner {
  private static final Logger LOG = LoggerFactory.getLogger(FlowRunner.class);

  private final TaskRegistry registry;
  private final TaskProgressStore progress;

  public FlowRunner(TaskRegistry registry, TaskProgressStore progress) {
    this.registry = registry;
    this.progress = progress;
  }

  public void run(FlowContext ctx, List<String> taskNames) {
    if (taskNames.isEmpty()) {
      return;
    }
    List<RecoveryTask> tasks = taskNames.stream().map(registry::create).toList();
    String uuid = ctx.notificationUuid();
    int run = progress.startRun(uuid, tasks.stream().map(RecoveryTask::displayName).toList());
    // progress rows are written in order by one writer thread, off the recovery's critical path (each
    // write is a transaction); the run returns only after they are all stored
    ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "progress-" + uuid.substring(0, Math.min(8, uuid.length())));
      t.setDaemon(true);
      return t;
    });
    try {
      for (int i = 0; i < tasks.size(); i++) {
        try {
          runTask(ctx, tasks.get(i), run, i, writer);
        } catch (RecoverySkipped | NotificationIgnored e) {
          revertDone(ctx, run, i, writer);
          throw e;
        } catch (Waiter.EngineStopping e) {
          throw e;
        } catch (RuntimeException e) {
          revertDone(ctx, run, i, writer);
          throw e;
        }
      }
    } finally {
      writer.shutdown();
      awaitWrites(writer, ctx);
    }
  }

  private void runTask(FlowContext ctx, RecoveryTask task, int run, int order, ExecutorService writer) {
    String uuid = ctx.notificationUuid();
    Progress p = (message, value) -> {
      LOG.info("{} {}: {}", ctx.tag(), task.displayName(), message);
      write(writer, ctx, () -> progress.update(uuid, run, order, null, message, value));
    };
    write(writer, ctx, () -> progress.update(uuid, run, order, TaskState.RUNNING, null, null));
    try {
      task.execute(ctx, p);
      write(writer, ctx, () -> progress.update(uuid, run, order, TaskState.SUCCESS, null, 1.0));
    } catch (RecoverySkipped | NotificationIgnored e) {
      write(writer, ctx, () -> progress.update(uuid, run, order, TaskState.REVERTED, null, null));
      throw e;
    } catch (Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("{} {} failed: {}", ctx.tag(), task.displayName(), e.getMessage());
      write(writer, ctx, () -> progress.update(uuid, run, order, TaskState.FAILURE, null, null));
      throw e;
    }
  }

  /**
   * A run that ends early shows its completed tasks {@code REVERTED}, as upstream's taskflow does when a task
   * raises (including the "skip" of a host without instances).
   */
  private void revertDone(FlowContext ctx, int run, int failedOrder, ExecutorService writer) {
    for (int j = 0; j < failedOrder; j++) {
      int order = j;
      write(writer, ctx, () -> progress.update(ctx.notificationUuid(), run, order, TaskState.REVERTED, null, null));
    }
  }

  private static void write(ExecutorService writer, FlowContext ctx, Runnable update) {
    writer.execute(() -> {
      try {
        update.run();
      } catch (RuntimeException e) {
        // progress is for operators; a lost detail must not fail the recovery
        LOG.warn("{} could not record progress: {}", ctx.tag(), e.toString());
      }
    });
  }

  private static void awaitWrites(ExecutorService writer, FlowContext ctx) {
    try {
      if (!writer.awaitTermination(60, TimeUnit.SECONDS)) {
        LOG.warn("{} progress writes still pending after 60 s", ctx.tag());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
