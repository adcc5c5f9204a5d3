package org.masakari.client.keystone;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.masakari.client.config.IniFile;
import org.masakari.client.config.Section;

/**
 * The {@code [api]} section of masakarimonitors.conf: keystoneauth's option names for the password
 * and none plugins plus the monitors' own {@code region} and {@code api_interface}. Validated at
 * construction; every problem names file, line, section and option.
 */
public record ApiOptions(
    AuthType authType,
    Optional<URI> authUrl,
    Optional<URI> endpoint,
    Credentials credentials,
    String region,
    EndpointInterface apiInterface,
    Optional<Path> cafile,
    Duration timeout) {

  public static final String SECTION = "api";
  public static final String DEFAULT_REGION = "RegionOne";
  public static final EndpointInterface DEFAULT_INTERFACE = EndpointInterface.PUBLIC;
  /** keystoneauth has no timeout by default; we refuse to hang forever on a dead API. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** Who authenticates and in which scope; names or ids as keystoneauth accepts them. */
  public record Credentials(
      Optional<String> userId,
      Optional<String> username,
      Optional<String> userDomainId,
      Optional<String> userDomainName,
      Optional<String> password,
      Optional<String> projectId,
      Optional<String> projectName,
      Optional<String> projectDomainId,
      Optional<String> projectDomainName,
      Optional<String> domainId,
      Optional<String> domainName,
      Optional<String> systemScope) {}

  public static ApiOptions from(IniFile ini) {
    Section s = ini.section(SECTION);
    // registered upstream but unused there too, or session knobs that only change logging
    s.accept("api_version", "collect_timing", "split_loggers", "auth_section");
    AuthType type;
    try {
      type = AuthType.parse(s.string("auth_type", "password"));
    } catch (IllegalArgumentException e) {
      throw s.invalid("auth_type", e.getMessage());
    }
    Optional<String> defaultDomainId = s.optString("default_domain_id");
    Optional<String> defaultDomainName = s.optString("default_domain_name");
    Optional<String> userDomainId = s.optString("user_domain_id");
    Optional<String> userDomainName = s.optString("user_domain_name");
    Optional<String> projectDomainId = s.optString("project_domain_id");
    Optional<String> projectDomainName = s.optString("project_domain_name");
    // keystoneauth: default_domain_* fills in the user and project domain when neither is given
    if (userDomainId.isEmpty() && userDomainName.isEmpty()) {
      userDomainId = defaultDomainId;
      userDomainName = defaultDomainName;
    }
    if (projectDomainId.isEmpty() && projectDomainName.isEmpty()) {
      projectDomainId = defaultDomainId;
      projectDomainName = defaultDomainName;
    }
    Credentials creds = new Credentials(
        s.optString("user_id"), s.optString("username"), userDomainId, userDomainName,
        s.optString("password"), s.optString("project_id"), s.optString("project_name"),
        projectDomainId, projectDomainName, s.optString("domain_id"), s.optString("domain_name"),
        s.optString("system_scope"));
    if (s.optString("trust_id").isPresent()) {
      throw s.invalid("trust_id", "trust scoping is not supported; use a project-scoped user");
    }
    for (String tlsClientOption : new String[] {"certfile", "keyfile"}) {
      if (s.optString(tlsClientOption).isPresent()) {
        throw s.invalid(tlsClientOption, "TLS client certificates are not supported");
      }
    }
    if (s.bool("insecure", false)) {
      throw s.invalid("insecure", "disabling TLS verification is not supported; set cafile instead");
    }
    String region = s.string("region", DEFAULT_REGION);
    EndpointInterface iface;
    try {
      iface = EndpointInterface.parse(s.string("api_interface", DEFAULT_INTERFACE.wireName()));
    } catch (IllegalArgumentException e) {
      throw s.invalid("api_interface", "must be one of public, internal, admin");
    }
    Optional<Path> cafile = s.optString("cafile").map(Path::of);
    Duration timeout = s.fractionalSeconds("timeout", DEFAULT_TIMEOUT.toSeconds(), 0.001);
    Optional<URI> authUrl = s.optString("auth_url").map(v -> uri(s, "auth_url", v));
    Optional<URI> endpoint = s.optString("endpoint").map(v -> uri(s, "endpoint", v));
    if (type == AuthType.NONE && endpoint.isEmpty()) {
      throw s.invalid("endpoint", "required when auth_type = none");
    }
    if (type == AuthType.PASSWORD) {
      if (authUrl.isEmpty()) {
        throw s.invalid("auth_url", "required when auth_type = password");
      }
      if (creds.password().isEmpty()) {
        throw s.invalid("password", "required when auth_type = password");
      }
      if (creds.userId().isEmpty() && creds.username().isEmpty()) {
        throw s.invalid("username", "username or user_id is required when auth_type = password");
      }
      if (creds.userId().isEmpty() && creds.userDomainId().isEmpty()
          && creds.userDomainName().isEmpty()) {
        throw s.invalid("user_domain_name",
            "username needs user_domain_name, user_domain_id or default_domain_*");
      }
      if (creds.projectName().isPresent() && creds.projectDomainId().isEmpty()
          && creds.projectDomainName().isEmpty()) {
        throw s.invalid("project_domain_name",
            "project_name needs project_domain_name, project_domain_id or default_domain_*");
      }
    }
    return new ApiOptions(type, authUrl, endpoint, creds, region, iface, cafile, timeout);
  }

  private static URI uri(Section s, String option, String value) {
    try {
      URI u = URI.create(value);
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
          || u.getHost() == null) {
        throw s.invalid(option, "not an http(s) URL: '" + value + "'");
      }
      return u;
    } catch (IllegalArgumentException e) {
      throw s.invalid(option, "not a URL: '" + value + "'");
    }
  }
}
