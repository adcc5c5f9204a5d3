package org.masakari.client.keystone;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** Finds one endpoint in a Keystone v3 token catalog, as keystoneauth's endpoint filter does. */
final class CatalogLookup {
  private CatalogLookup() {}

  static URI find(JsonNode catalog, String serviceType, EndpointInterface iface, String region) {
    for (JsonNode service : catalog) {
      if (!serviceType.equals(service.path("type").asText())) {
        continue;
      }
      for (JsonNode ep : service.path("endpoints")) {
        boolean ifaceMatches = iface.wireName().equals(ep.path("interface").asText());
        // v3 catalogs carry region_id; older ones only region. An empty region option matches any.
        String epRegion = ep.hasNonNull("region_id") ? ep.get("region_id").asText() : ep.path("region").asText();
        boolean regionMatches = region == null || region.isEmpty() || region.equals(epRegion);
        if (ifaceMatches && regionMatches && ep.hasNonNull("url")) {
          return URI.create(ep.get("url").asText());
        }
      }
    }
    throw new KeystoneException("catalog has no " + serviceType + " endpoint with interface "
        + iface.wireName() + " in region " + region);
  }
}
