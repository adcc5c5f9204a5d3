package org.masakari.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One poll of the API as {@code masakari watch} shows it: a line per notification whose status changed and
 * per vmove that appeared or changed (instance, source → destination, status). Only what changed since the
 * previous poll is returned, so the output reads as a log of the recovery.
 */
public final class RecoveryWatch {
  /** The newest notifications looked at per poll: recovery in progress is always among them. */
  static final int RECENT = 20;

  private final MasakariApiClient api;
  private final Map<String, String> notificationStatus = new HashMap<>();
  private final Map<String, String> vmoveState = new HashMap<>();

  public RecoveryWatch(MasakariApiClient api) {
    this.api = api;
  }

  public List<String> poll() throws IOException, InterruptedException {
    MasakariApiClient.Response r = api.get("/notifications?limit=" + RECENT + "&sort_key=created_at&sort_dir=desc");
    if (!r.ok()) {
      return List.of(now() + "  API answered " + r.status() + ": " + r.body());
    }
    List<String> out = new ArrayList<>();
    List<JsonNode> list = new ArrayList<>();
    r.body().path("notifications").forEach(list::add);
    // oldest first, so the lines come out in the order things happened
    for (int i = list.size() - 1; i >= 0; i--) {
      JsonNode n = list.get(i);
      String id = n.path("notification_uuid").asText();
      String status = n.path("status").asText();
      String before = notificationStatus.put(id, status);
      List<String> statusLine = status.equals(before) ? List.of()
          : List.of(String.format("%s  notification %s %-12s %-22s %s", now(), id, n.path("type").asText(),
              describe(n.path("payload")), before == null ? status : before + " -> " + status));
      List<String> moves = "COMPUTE_HOST".equals(n.path("type").asText())
          && (!status.equals(before) || "running".equals(status)) ? vmoves(id) : List.of();
      // a finished recovery reads best with its last moves before the outcome
      boolean ended = !"new".equals(status) && !"running".equals(status);
      out.addAll(ended ? moves : statusLine);
      out.addAll(ended ? statusLine : moves);
    }
    return out;
  }

  private List<String> vmoves(String notification) throws IOException, InterruptedException {
    MasakariApiClient.Response r = api.get("/notifications/" + notification + "/vmoves");
    if (!r.ok()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (JsonNode v : r.body().path("vmoves")) {
      String dest = v.path("dest_host").isNull() ? "?" : v.path("dest_host").asText("?");
      String state = v.path("status").asText() + "@" + dest;
      if (!state.equals(vmoveState.put(v.path("uuid").asText(), state))) {
        out.add(String.format("%s    vmove %-10s %s  %s -> %s  %s%s", now(), v.path("instance_name").asText(),
            v.path("instance_uuid").asText(), v.path("source_host").asText(), dest, v.path("status").asText(),
            v.path("message").isNull() || v.path("message").asText().isEmpty() ? ""
                : "  (" + v.path("message").asText() + ")"));
      }
    }
    return out;
  }

  private static String describe(JsonNode payload) {
    String event = payload.path("event").asText("");
    if (payload.has("instance_uuid")) {
      return event + " " + payload.path("instance_uuid").asText();
    }
    if (payload.has("process_name")) {
      return event + " " + payload.path("process_name").asText();
    }
    return event + (payload.has("host_status") ? " " + payload.path("host_status").asText() : "");
  }

  private static String now() {
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
