package org.masakari.api.resources;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.masakari.api.http.BufferOutput;
import org.masakari.core.domain.IsoTime;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.Segment;

/**
 * The large list bodies written straight to UTF-8 bytes with Jackson's generator — no tree of nodes per row.
 * Same keys, order and values as {@link Views#segment} and {@link Views#notification} (a test compares them).
 * Keys are encoded once; uuids, times and enum words that need no escaping are copied as bytes (a 1 000-row
 * page spent most of its time escaping them character by character).
 */
public final class ListBodies {
  private static final JsonFactory FACTORY = Views.JSON.getFactory();
  private static final SerializedString ID = key("id");
  private static final SerializedString UUID = key("uuid");
  private static final SerializedString NAME = key("name");
  private static final SerializedString SERVICE_TYPE = key("service_type");
  private static final SerializedString ENABLED = key("enabled");
  private static final SerializedString DESCRIPTION = key("description");
  private static final SerializedString RECOVERY_METHOD = key("recovery_method");
  private static final SerializedString NOTIFICATION_UUID = key("notification_uuid");
  private static final SerializedString GENERATED_TIME = key("generated_time");
  private static final SerializedString SOURCE_HOST_UUID = key("source_host_uuid");
  private static final SerializedString TYPE = key("type");
  private static final SerializedString PAYLOAD = key("payload");
  private static final SerializedString STATUS = key("status");
  private static final SerializedString FAILOVER_SEGMENT_UUID = key("failover_segment_uuid");
  private static final SerializedString MESSAGE = key("message");
  private static final SerializedString CREATED_AT = key("created_at");
  private static final SerializedString UPDATED_AT = key("updated_at");
  private static final SerializedString DELETED_AT = key("deleted_at");
  private static final SerializedString DELETED = key("deleted");

  private ListBodies() {}

  private static SerializedString key(String name) {
    return new SerializedString(name);
  }

  /** {@code {"segments": [...]}} */
  public static Buffer segments(List<Segment> rows) {
    return write("segments", rows.size() * 400, g -> {
      for (Segment s : rows) {
        g.writeStartObject();
        number(g, ID, s.getId());
        ascii(g, UUID, s.getUuid());
        text(g, NAME, s.getName());
        text(g, SERVICE_TYPE, s.getServiceType());
        g.writeFieldName(ENABLED);
        g.writeBoolean(s.isEnabled());
        text(g, DESCRIPTION, s.getDescription());
        ascii(g, RECOVERY_METHOD, s.getRecoveryMethodWire());
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
        number(g, ID, n.getId());
        ascii(g, NOTIFICATION_UUID, n.getNotificationUuid());
        time(g, GENERATED_TIME, n.getGeneratedTime());
        ascii(g, SOURCE_HOST_UUID, n.getSourceHostUuid());
        ascii(g, TYPE, n.getTypeWire());
        g.writeFieldName(PAYLOAD);
        payload(g, n.getPayload());
        ascii(g, STATUS, n.getStatus().wire());
        ascii(g, FAILOVER_SEGMENT_UUID, n.getFailoverSegmentUuid());
        text(g, MESSAGE, n.getMessage());
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

  private static void number(JsonGenerator g, SerializedString key, Integer v) throws IOException {
    g.writeFieldName(key);
    if (v == null) {
      g.writeNull();
    } else {
      g.writeNumber(v);
    }
  }

  private static void text(JsonGenerator g, SerializedString key, String v) throws IOException {
    g.writeFieldName(key);
    g.writeString(v);
  }

  /** A value that is printable ASCII without quote or backslash goes out as its bytes; anything else escaped. */
  private static void ascii(JsonGenerator g, SerializedString key, String v) throws IOException {
    g.writeFieldName(key);
    if (v == null) {
      g.writeNull();
      return;
    }
    byte[] b = v.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length != v.length() || !plain(b)) {
      g.writeString(v);
    } else {
      g.writeRawUTF8String(b, 0, b.length);
    }
  }

  private static boolean plain(byte[] b) {
    for (byte c : b) {
      if (c < 0x20 || c == '"' || c == '\\' || c == 0x7f) {
        return false; // negative bytes (non-ASCII Latin-1) included
      }
    }
    return true;
  }

  private static void time(JsonGenerator g, SerializedString key, LocalDateTime t) throws IOException {
    g.writeFieldName(key);
    if (t == null) {
      g.writeNull();
      return;
    }
    byte[] b = IsoTime.wireBytes(t);
    if (b == null) {
      g.writeString(IsoTime.wire(t));
    } else {
      g.writeRawUTF8String(b, 0, b.length);
    }
  }

  private static void common(JsonGenerator g, LocalDateTime created, LocalDateTime updated, LocalDateTime deleted)
      throws IOException {
    time(g, CREATED_AT, created);
    time(g, UPDATED_AT, updated);
    time(g, DELETED_AT, deleted);
    g.writeFieldName(DELETED);
    g.writeBoolean(false);
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
