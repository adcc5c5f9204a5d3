package org.masakari.core.nova;

/**
 * How Masakari reaches Nova: a Keystone v3 password session with the privileged user of
 * {@code [DEFAULT] os_privileged_user_*}, and the catalog entry named by
 * {@code nova_catalog_admin_info} (service_type:service_name:endpoint_type).
 */
public record NovaCredentials(String authUrl, String username, String password, String projectName,
    String userDomainName, String projectDomainName, String regionName, String serviceType,
    String serviceName, String interfaceName, boolean insecure, int timeoutSeconds) {

  /** Parses "compute:nova:publicURL" (upstream's format) into type, name and interface. */
  public static String[] parseCatalogInfo(String info) {
    String[] p = info.split(":");
    if (p.length != 3) {
      throw new IllegalArgumentException("expected service_type:service_name:endpoint_type, got '" + info + "'");
    }
    String iface = p[2].replace("URL", "");
    return new String[] {p[0], p[1], iface};
  }
}
