package org.masakari.api.resources;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.masakari.api.validation.PyRepr;
import org.masakari.api.validation.SchemaValidator;
import org.masakari.core.domain.BoolParser;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.domain.NotificationType;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.core.fault.Fault;
import org.masakari.core.service.HostChanges;
import org.masakari.core.service.NewNotification;
import org.masakari.core.service.SegmentChanges;

/** Validated request bodies → service inputs. Validation errors become upstream's 400 texts. */
final class RequestBodies {
  private RequestBodies() {}

  static void validate(JsonNode schema, JsonNode body) {
    SchemaValidator.validate(schema, body).ifPresent(e -> {
      throw Fault.badRequest(e.upstreamMessage());
    });
  }

  private static Boolean bool(JsonNode n) {
    if (n == null || n.isMissingNode() || n.isNull()) {
      return null;
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    return BoolParser.strict(n.asText()).orElseThrow(() -> Fault.badRequest("Invalid boolean " + n.asText()));
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
  }

  static SegmentChanges segment(JsonNode body) {
    JsonNode s = body.get("segment");
    String rm = text(s.get("recovery_method"));
    return new SegmentChanges(text(s.get("name")), s.has("description"), text(s.get("description")),
        rm == null ? null : RecoveryMethod.fromWire(rm), text(s.get("service_type")), bool(s.get("enabled")));
  }

  static HostChanges host(JsonNode body) {
    JsonNode h = body.get("host");
    // upstream's schema lets null through and then fails with a 500 in the object layer
    for (String field : new String[] {"type", "control_attributes"}) {
      if (h.has(field) && h.get(field).isNull()) {
        throw Fault.badRequest("Invalid input for field/attribute " + field + ". Value: None. "
            + "None is not of type 'string'");
      }
    }
    return new HostChanges(text(h.get("name")), text(h.get("type")), text(h.get("control_attributes")),
        bool(h.get("reserved")), bool(h.get("on_maintenance")));
  }

  static NewNotification notification(JsonNode body) {
    JsonNode n = body.get("notification");
    NotificationType type = NotificationType.valueOf(n.get("type").asText());
    JsonNode payload = n.get("payload");
    validate(switch (type) {
      case COMPUTE_HOST -> org.masakari.api.validation.Schemas.PAYLOAD_COMPUTE_HOST;
      case PROCESS -> org.masakari.api.validation.Schemas.PAYLOAD_PROCESS;
      case VM -> org.masakari.api.validation.Schemas.PAYLOAD_VM;
    }, payload);
    Map<String, String> p = new LinkedHashMap<>();
    payload.fields().forEachRemaining(e -> p.put(e.getKey(), e.getValue().asText()));
    String gt = n.get("generated_time").asText();
    return new NewNotification(type, n.get("hostname").asText(),
        IsoTime.parse(gt).orElseThrow(() -> Fault.badRequest("Invalid input for field/attribute generated_time. Value: "
            + gt + ". " + PyRepr.string(gt) + " is not a 'date-time'")), p);
  }
}
