package org.masakari.core.config;

import java.time.Duration;
import org.masakari.client.config.Section;

/**
 * {@code [keystone_authtoken]} as keystonemiddleware reads it: where to validate tokens and the
 * service user that may do so; token_cache_time (default 300 s) bounds how long a validation is
 * reused (never past the token's expiry); token_cache_size (ours, default 10000) bounds the cache.
 */
public record KeystoneAuthOptions(String wwwAuthenticateUri, String authUrl, String username, String password,
    String projectName, String userDomainName, String projectDomainName, Duration cacheTime, int cacheSize,
    boolean insecure) {

  static KeystoneAuthOptions from(Section s) {
    String www = s.optString("www_authenticate_uri").or(() -> s.optString("auth_uri")).orElse(null);
    String authUrl = s.optString("auth_url").orElse(www);
    KeystoneAuthOptions o = new KeystoneAuthOptions(www == null ? authUrl : www, authUrl,
        s.string("username", null), s.string("password", null), s.string("project_name", null),
        s.string("user_domain_name", "Default"), s.string("project_domain_name", "Default"),
        s.seconds("token_cache_time", 300, 0), s.integer("token_cache_size", 10_000, 0, 10_000_000),
        s.bool("insecure", false));
    s.accept("auth_type", "region_name", "memcached_servers", "service_token_roles_required",
        "service_token_roles", "cafile", "certfile", "keyfile", "interface", "delay_auth_decision",
        "auth_version", "http_connect_timeout", "http_request_max_retries", "include_service_catalog",
        "service_type", "memcache_security_strategy", "memcache_secret_key", "user_domain_id",
        "project_domain_id", "user_id", "project_id", "system_scope", "auth_section", "enforce_token_bind");
    return o;
  }

  public void requireServiceUser(Section s) {
    if (authUrl == null || username == null || password == null) {
      throw s.invalid("auth_url",
          "auth_strategy = keystone needs [keystone_authtoken] auth_url (or www_authenticate_uri), username and password");
    }
  }
}
