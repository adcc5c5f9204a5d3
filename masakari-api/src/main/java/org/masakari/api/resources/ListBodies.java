package org.masakari.api.resources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.Segment;
import org.masakari.api.http.BufferOutput;

/**
 * The large list bodies written straight to UTF-8 bytes with Jackson's generator — no tree of nodes per row.
 * Same keys, order and values as {@link Views#segment} and {@link Views#notification} (a test compares them).
 */
public final class ListBodies {
  private static final JsonFactory FACTORY = Views.JSON.getFactory();

  private ListBodies() {}

  /** {@code {"segments": [...]}} */
  public static Buffer segments(List<Segment> rows) {
    return write("segments", rows.size() * 400, g -> {
      for (Segment s : rows) {
        g.writeStartObject();
        number(g, "id", s.getId());
        g.writeStringField("uuid", s.getUuid());
        g.writeStringField("name", s.getName());
        g.writeStringField("service_type", s.getServiceType());
        g.writeBooleanField("enabled", s.isEnabled());
        g.writeStringField("description", s.getDescription());
        g.writeStringField("recovery_method", s.getRecoveryMethodWire());
        common(g, s.getCreatedAt(), s.getUpdatedAt(), s.getDeletedAt());
        g.writeEndObject();
      }
    });
  }

  /** {@code {"notifications": [...]}} */
  public static Buffer notifications(List<Notification> rows) {
    return write("notifications", rows.size() * 500, g -> {
      for (Notification n : rows) {
        g.writeStartObject();
        number(g, "id", n.getId());
        g.writeStringField("notification_uuid", n.getNotificationUuid());
        time(g, "generated_time", n.getGeneratedTime());
        g.writeStringField("source_host_uuid", n.getSourceHostUuid());
        g.writeStringField("type", n.getTypeWire());
        g.writeFieldName("payload");
        payload(g, n.getPayload());
        g.writeStringField("status", n.getStatus().wire());
        g.writeStringField("failover_segment_uuid", n.getFailoverSegmentUuid());
        g.writeStringField("message", n.getMessage());
        common(g, n.getCreatedAt(), n.getUpdatedAt(), n.getDeletedAt());
        g.writeEndObject();
      }
    });
  }

  private interface Rows {
    void write(JsonGenerator g) throws IOException;
  }

  private static Buffer write(String key, int sizeHint, Rows rows) {
    BufferOutput out = new BufferOutput(sizeHint);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart(key);
      rows.write(g);
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.buffer();
  }

  private static void number(JsonGenerator g, String key, Integer v) throws IOException {
    if (v == null) {
      g.writeNullField(key);
    } else {
      g.writeNumberField(key, v);
    }
  }

  private static void time(JsonGenerator g, String key, LocalDateTime t) throws IOException {
    if (t == null) {
      g.writeNullField(key);
    } else {
      g.writeStringField(key, IsoTime.wire(t));
    }
  }

  private static void common(JsonGenerator g, LocalDateTime created, LocalDateTime updated, LocalDateTime deleted)
      throws IOException {
    time(g, "created_at", created);
    time(g, "updated_at", updated);
    time(g, "deleted_at", deleted);
    g.writeBooleanField("deleted", false);
  }

  /** As {@link Views}: our own JSON object text embedded as is, anything else parsed (or {} when invalid). */
  private static void payload(JsonGenerator g, String text) throws IOException {
    if (text == null || text.isBlank()) {
      g.writeStartObject();
      g.writeEndObject();
    } else if (text.startsWith("{") && text.endsWith("}")) {
      g.writeRawValue(text);
    } else {
      g.writeTree(Views.payloadNode(text));
    }
  }
}
