package org.masakari.core.config;

import org.masakari.client.config.Section;
import org.masakari.core.nova.NovaCredentials;

/**
 * Nova access ({@code [DEFAULT] os_privileged_user_*}, nova_catalog_admin_info, os_region_name,
 * nova_api_insecure) and our {@code [DEFAULT] nova_compute_host_check} (default true): when false, host
 * names are not checked against Nova's nova-compute services (clouds without Nova access).
 */
public record NovaOptions(NovaCredentials credentials, boolean hostCheck) {
  static NovaOptions from(Section d) {
    String[] catalog;
    try {
      catalog = NovaCredentials.parseCatalogInfo(d.string("nova_catalog_admin_info", "compute:nova:publicURL"));
    } catch (IllegalArgumentException e) {
      throw d.invalid("nova_catalog_admin_info", e.getMessage());
    }
    NovaCredentials c = new NovaCredentials(
        d.string("os_privileged_user_auth_url", null),
        d.string("os_privileged_user_name", null),
        d.string("os_privileged_user_password", null),
        d.string("os_privileged_user_tenant", null),
        d.string("os_user_domain_name", "default"),
        d.string("os_project_domain_name", "default"),
        d.string("os_region_name", null),
        catalog[0], catalog[1], catalog[2],
        d.bool("nova_api_insecure", false),
        d.integer("nova_api_timeout", 30, 1, 3600));
    d.accept("nova_ca_certificates_file", "os_system_scope");
    boolean check = d.bool("nova_compute_host_check", true);
    if (check && (c.authUrl() == null || c.username() == null)) {
      throw d.invalid("os_privileged_user_auth_url",
          "Nova credentials (os_privileged_user_auth_url, os_privileged_user_name, os_privileged_user_password,"
              + " os_privileged_user_tenant) are required unless nova_compute_host_check = false");
    }
    return new NovaOptions(c, check);
  }
}
