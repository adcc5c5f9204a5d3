package org.masakari.client.notifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The request body: {@code {"notification": {type, hostname, generated_time, payload}}}. */
public final class NotificationJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NotificationJson() {}

  public static String body(Notification n) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode o = root.putObject("notification");
    o.put("type", n.type().name());
    o.put("hostname", n.hostname());
    o.put("generated_time", GeneratedTime.format(n.generatedTime()));
    ObjectNode p = o.putObject("payload");
    n.payload().forEach(p::put);
    return root.toString();
  }
}
