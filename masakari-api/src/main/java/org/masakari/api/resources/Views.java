package org.masakari.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.Segment;
import org.masakari.core.domain.SoftDeletable;
import org.masakari.core.domain.VMove;

/** Resource bodies exactly as upstream renders them (contract §1.8). */
public final class Views {
  public static final ObjectMapper JSON = new ObjectMapper();

  private Views() {}

  private static void common(ObjectNode o, SoftDeletable e) {
    time(o, "created_at", e.getCreatedAt());
    time(o, "updated_at", e.getUpdatedAt());
    time(o, "deleted_at", e.getDeletedAt());
    o.put("deleted", false);
  }

  private static void time(ObjectNode o, String key, LocalDateTime t) {
    if (t == null) {
      o.putNull(key);
    } else {
      o.put(key, IsoTime.wire(t));
    }
  }

  public static ObjectNode segment(Segment s) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.getId());
    o.put("uuid", s.getUuid());
    o.put("name", s.getName());
    o.put("service_type", s.getServiceType());
    o.put("enabled", s.isEnabled());
    o.put("description", s.getDescription());
    o.put("recovery_method", s.getRecoveryMethodWire());
    common(o, s);
    return o;
  }

  public static ObjectNode host(Host h) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", h.getId());
    o.put("uuid", h.getUuid());
    o.put("name", h.getName());
    o.put("failover_segment_id", h.getFailoverSegmentId());
    o.set("failover_segment", h.getSegment() == null ? JSON.nullNode() : segment(h.getSegment()));
    o.put("type", h.getType());
    o.put("reserved", h.isReserved());
    o.put("control_attributes", h.getControlAttributes());
    o.put("on_maintenance", h.isOnMaintenance());
    common(o, h);
    return o;
  }

  public static ObjectNode notification(Notification n) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", n.getId());
    o.put("notification_uuid", n.getNotificationUuid());
    time(o, "generated_time", n.getGeneratedTime());
    o.put("source_host_uuid", n.getSourceHostUuid());
    o.put("type", n.getTypeWire());
    o.set("payload", payload(n.getPayload()));

    o.put("status", n.getStatus().wire());
    o.put("failover_segment_uuid", n.getFailoverSegmentUuid());
    o.put("message", n.getMessage());
    common(o, n);
    return o;
  }

  /** The payload as a node (see {@link ListBodies#notifications} for the streaming equivalent). */
  static JsonNode payloadNode(String text) {
    return payload(text);
  }

  private static JsonNode payload(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    if (text.startsWith("{") && text.endsWith("}")) {
      // written by NotificationService as a JSON object: embed it as is instead of parsing every row
      return JSON.getNodeFactory().rawValueNode(new com.fasterxml.jackson.databind.util.RawValue(text));
    }
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }

  public static ObjectNode vmove(VMove v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", v.getId());
    o.put("uuid", v.getUuid());
    o.put("notification_uuid", v.getNotificationUuid());
    o.put("instance_uuid", v.getInstanceUuid());
    o.put("instance_name", v.getInstanceName());
    o.put("source_host", v.getSourceHost());
    o.put("dest_host", v.getDestHost());
    time(o, "start_time", v.getStartTime());
    time(o, "end_time", v.getEndTime());
    o.put("type", v.getType());
    o.put("status", v.getStatus());
    o.put("message", v.getMessage());
    common(o, v);
    return o;
  }

  public static <T> ObjectNode list(String key, List<T> items, java.util.function.Function<T, ObjectNode> view) {
    ObjectNode o = JSON.createObjectNode();
    ArrayNode a = o.putArray(key);
    items.forEach(i -> a.add(view.apply(i)));
    return o;
  }

  public static ObjectNode wrap(String key, JsonNode value) {
    ObjectNode o = JSON.createObjectNode();
    o.set(key, value);
    return o;
  }
}
