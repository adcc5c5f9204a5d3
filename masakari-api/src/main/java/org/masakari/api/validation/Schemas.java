package org.masakari.api.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The upstream request schemas (masakari/api/openstack/ha/schemas), as JSON documents. */
public final class Schemas {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static final JsonNode SEGMENT_CREATE = load("segment-create");
  public static final JsonNode SEGMENT_CREATE_V12 = load("segment-create-v1.2");
  public static final JsonNode SEGMENT_UPDATE = load("segment-update");
  public static final JsonNode SEGMENT_UPDATE_V12 = load("segment-update-v1.2");
  public static final JsonNode HOST_CREATE = load("host-create");
  public static final JsonNode HOST_UPDATE = load("host-update");
  public static final JsonNode NOTIFICATION_CREATE = load("notification-create");
  public static final JsonNode PAYLOAD_COMPUTE_HOST = load("payload-compute-host");
  public static final JsonNode PAYLOAD_PROCESS = load("payload-process");
  public static final JsonNode PAYLOAD_VM = load("payload-vm");
  public static final JsonNode NOTIFICATION_ACTION = load("notification-action");

  private Schemas() {}

  private static JsonNode load(String name) {
    try (InputStream in = Schemas.class.getResourceAsStream("/schemas/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("schema " + name + " missing from the jar");
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
