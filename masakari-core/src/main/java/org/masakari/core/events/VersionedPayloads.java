package org.masakari.core.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.Segment;

/**
 * The payloads of contract §6 as upstream's versioned objects serialise them ({@code masakari_object.name},
 * {@code .namespace} = masakari, {@code .version}, {@code .data}); a field not yet set is left out, as
 * upstream leaves it out (no {@code id}/{@code uuid} in {@code create.start}).
 */
public final class VersionedPayloads {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

  private VersionedPayloads() {}

  /** The message around a payload: {@code event_type} = {@code <object>.<action>.<phase>}. */
  public static ObjectNode message(String eventType, boolean error, ObjectNode payload) {
    ObjectNode m = JSON.createObjectNode();
    m.put("message_id", UUID.randomUUID().toString());
    m.put("event_type", eventType);
    m.put("priority", error ? "ERROR" : "INFO");
    m.set("payload", payload);
    m.put("timestamp", LocalDateTime.now(ZoneOffset.UTC).format(TS));
    return m;
  }

  /** {@code SegmentApiPayload} 1.1. */
  public static ObjectNode segment(Segment s, Throwable fault) {
    ObjectNode d = JSON.createObjectNode();
    if (s.getId() != null) {
      d.put("id", s.getId());
    }
    putIfSet(d, "uuid", s.getUuid());
    d.put("name", s.getName());
    d.put("service_type", s.getServiceType());
    d.put("description", s.getDescription());
    d.put("recovery_method", s.getRecoveryMethodWire());
    d.put("enabled", s.isEnabled());
    fault(d, fault);
    return object("SegmentApiPayload", "1.1", d);
  }

  /** {@code HostApiPayload} 1.0 with its segment as a nested {@code FailoverSegment} 1.1 object. */
  public static ObjectNode host(Host h, Segment segment, Throwable fault) {
    ObjectNode d = JSON.createObjectNode();
    if (h.getId() != null) {
      d.put("id", h.getId());
    }
    putIfSet(d, "uuid", h.getUuid());
    d.put("name", h.getName());
    if (segment != null) {
      d.set("failover_segment", failoverSegment(segment));
    }
    d.put("type", h.getType());
    d.put("reserved", h.isReserved());
    d.put("control_attributes", h.getControlAttributes());
    d.put("on_maintenance", h.isOnMaintenance());
    fault(d, fault);
    return object("HostApiPayload", "1.0", d);
  }

  /** {@code NotificationApiPayload} 1.0; {@code status} as the event should report it. */
  public static ObjectNode notification(Notification n, String status, Throwable fault) {
    ObjectNode d = JSON.createObjectNode();
    if (n.getId() != null) {
      d.put("id", n.getId());
    }
    putIfSet(d, "notification_uuid", n.getNotificationUuid());
    d.put("generated_time", n.getGeneratedTime() == null ? null : n.getGeneratedTime().format(ISO));
    d.put("source_host_uuid", n.getSourceHostUuid());
    d.put("type", n.getTypeWire());
    try {
      d.set("payload", JSON.readTree(n.getPayload() == null ? "{}" : n.getPayload()));
    } catch (java.io.IOException e) {
      d.putObject("payload");
    }
    d.put("status", status);
    fault(d, fault);
    return object("NotificationApiPayload", "1.0", d);
  }

  private static ObjectNode failoverSegment(Segment s) {
    ObjectNode d = JSON.createObjectNode();
    d.put("id", s.getId());
    d.put("uuid", s.getUuid());
    d.put("name", s.getName());
    d.put("service_type", s.getServiceType());
    d.put("description", s.getDescription());
    d.put("recovery_method", s.getRecoveryMethodWire());
    d.put("enabled", s.isEnabled());
    d.put("created_at", iso(s.getCreatedAt()));
    d.put("updated_at", iso(s.getUpdatedAt()));
    d.put("deleted_at", iso(s.getDeletedAt()));
    d.put("deleted", s.isDeleted());
    return object("FailoverSegment", "1.1", d);
  }

  /** {@code ExceptionPayload} 1.0 naming the real exception (upstream sends the literal {@code "str"}). */
  private static void fault(ObjectNode data, Throwable fault) {
    if (fault == null) {
      return;
    }
    ObjectNode fd = JSON.createObjectNode();
    StackTraceElement top = fault.getStackTrace().length > 0 ? fault.getStackTrace()[0] : null;
    fd.put("module_name", top == null ? "unknown" : top.getClassName());
    fd.put("function_name", top == null ? "unknown" : top.getMethodName());
    fd.put("exception", fault.getClass().getSimpleName());
    fd.put("exception_message", String.valueOf(fault.getMessage()));
    fd.putNull("traceback");
    data.set("fault", object("ExceptionPayload", "1.0", fd));
  }

  private static ObjectNode object(String name, String version, ObjectNode data) {
    ObjectNode o = JSON.createObjectNode();
    o.put("masakari_object.name", name);
    o.put("masakari_object.namespace", "masakari");
    o.put("masakari_object.version", version);
    o.set("masakari_object.data", data);
    return o;
  }

  private static void putIfSet(ObjectNode d, String field, String value) {
    if (value != null) {
      d.put(field, value);
    }
  }

  private static String iso(LocalDateTime t) {
    return t == null ? null : t.format(ISO);
  }
}
