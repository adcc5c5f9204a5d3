package org.masakari.api.resources;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The version documents of contract §1.3 ({@code version} = max microversion, read by SDK negotiation). */
public final class VersionDocuments {
  private static final String UPDATED = "2016-07-01T11:33:21Z";
  private final String maxVersion;

  public VersionDocuments(String maxVersion) {
    this.maxVersion = maxVersion;
  }

  /** GET / */
  public ObjectNode root(String base) {
    ObjectNode v = Views.JSON.createObjectNode();
    v.put("id", "v1.0");
    v.put("status", "CURRENT");
    v.put("version", maxVersion);
    v.put("min_version", "1.0");
    v.put("updated", UPDATED);
    v.putArray("links").addObject().put("rel", "self").put("href", base + "/v1/");
    ObjectNode doc = Views.JSON.createObjectNode();
    doc.putArray("versions").add(v);
    return doc;
  }

  /** GET /v1, /v1/, /v1/versions/v1.0 */
  public ObjectNode v1(String base) {
    ObjectNode v = Views.JSON.createObjectNode();
    v.put("id", "v1.0");
    v.put("status", "CURRENT");
    v.put("version", maxVersion);
    v.put("min_version", "1.0");
    v.put("updated", UPDATED);
    ArrayNode links = v.putArray("links");
    links.addObject().put("rel", "self").put("href", base + "/v1/");
    links.addObject().put("rel", "describedby").put("type", "text/html").put("href", "https://docs.openstack.org/");
    mediaTypes(v);
    return Views.wrap("version", v);
  }

  /** 300 for any other path outside /v1 and /healthcheck. */
  public ObjectNode choices(String base, String path) {
    ObjectNode c = Views.JSON.createObjectNode();
    c.put("id", "v1.0");
    c.put("status", "CURRENT");
    c.putArray("links").addObject().put("rel", "self").put("href", base + "/v1" + path);
    mediaTypes(c);
    ObjectNode doc = Views.JSON.createObjectNode();
    doc.putArray("choices").add(c);
    return doc;
  }

  private static void mediaTypes(ObjectNode o) {
    o.putArray("media-types").addObject().put("base", "application/json")
        .put("type", "application/vnd.openstack.masakari+json;version=1");
  }
}
