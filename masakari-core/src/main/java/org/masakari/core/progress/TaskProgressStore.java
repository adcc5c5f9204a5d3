package org.masakari.core.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.masakari.core.db.Tx;
import org.masakari.core.service.WorkflowDetailsSource;

/**
 * Writes task progress (engine) and renders {@code recovery_workflow_details} (API) from the same rows,
 * so the API needs no RPC to an engine: contract §1.8 — task-level {@code progress} is a number, the
 * {@code progress} inside each detail is a string, timestamps use a space and six fractional digits.
 */
public final class TaskProgressStore implements WorkflowDetailsSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private final Tx tx;

  public TaskProgressStore(Tx tx) {
    this.tx = tx;
  }

  /** The next run number of a notification: every run, retry and fallback adds a run, as upstream's logbook. */
  public int startRun(String notificationUuid, List<String> taskNames) {
    return tx.call(s -> {
      Integer max = s.createQuery("select max(p.runNo) from TaskProgress p where p.notificationUuid = :u", Integer.class)
          .setParameter("u", notificationUuid).getSingleResult();
      int run = max == null ? 1 : max + 1;
      for (int i = 0; i < taskNames.size(); i++) {
        TaskProgress p = new TaskProgress(notificationUuid, run, i, taskNames.get(i));
        p.setUpdatedAt(now());
        s.persist(p);
      }
      return run;
    });
  }

  /** Appends one progress detail and sets the task's progress (and state, when given). */
  public void update(String notificationUuid, int run, int taskOrder, TaskState state, String message, Double progress) {
    tx.run(s -> {
      TaskProgress p = s.createQuery("from TaskProgress p where p.notificationUuid = :u and p.runNo = :r"
              + " and p.taskOrder = :o", TaskProgress.class)
          .setParameter("u", notificationUuid).setParameter("r", run).setParameter("o", taskOrder)
          .getSingleResult();
      if (state != null) {
        p.setState(state);
      }
      if (progress != null) {
        p.setProgress(progress);
      }
      if (message != null) {
        ArrayNode details = parse(p.getDetails());
        ObjectNode d = details.addObject();
        d.put("timestamp", now().format(TS));
        d.put("message", message);
        d.put("progress", Double.toString(progress != null ? progress : p.getProgress()));
        p.setDetails(details.toString());
      }
      p.setUpdatedAt(now());
    });
  }

  /**
   * The rendered details: every run in order, and in each run the tasks in configured order that have
   * progress details (upstream shows only atoms whose meta holds details).
   */
  @Override
  public List<JsonNode> details(String notificationUuid) {
    List<TaskProgress> rows = tx.call(s -> s.createQuery("from TaskProgress p where p.notificationUuid = :u"
            + " order by p.runNo, p.taskOrder", TaskProgress.class)
        .setParameter("u", notificationUuid).getResultList());
    List<JsonNode> out = new ArrayList<>();
    for (TaskProgress p : rows) {
      ArrayNode details = parse(p.getDetails());
      if (details.isEmpty()) {
        continue;
      }
      ObjectNode o = JSON.createObjectNode();
      o.put("name", p.getTaskName());
      o.put("state", p.getState().name());
      o.put("progress", p.getProgress());
      o.set("progress_details", details);
      out.add(o);
    }
    return out;
  }

  /** Rows of one notification, for tests and the engine's resume logic. */
  public List<TaskProgress> rows(String notificationUuid) {
    return tx.call(s -> s.createQuery("from TaskProgress p where p.notificationUuid = :u order by p.runNo, p.taskOrder",
        TaskProgress.class).setParameter("u", notificationUuid).getResultList());
  }

  private static ArrayNode parse(String text) {
    try {
      JsonNode n = text == null ? null : JSON.readTree(text);
      return n instanceof ArrayNode a ? a : JSON.createArrayNode();
    } catch (java.io.IOException e) {
      return JSON.createArrayNode();
    }
  }

  private static LocalDateTime now() {
    return LocalDateTime.now(ZoneOffset.UTC);
  }
}
