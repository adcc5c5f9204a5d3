package org.masakari.engine.nova;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.masakari.core.nova.NovaCredentials;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.identity.v3.Endpoint;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v3 through OpenStack4j: one shared token (OpenStack4j sessions are thread-local, so every
 * thread gets a client built from it), the compute endpoint picked from the token's catalog by
 * {@code nova_catalog_admin_info} and {@code os_region_name}. The token is renewed a minute before
 * it expires, or at once after Nova answered 401.
 */
public final class NovaSession {
  private static final Logger LOG = LoggerFactory.getLogger(NovaSession.class);
  static final String MICROVERSION = "2.53";
  static final Map<String, String> MICROVERSION_HEADERS =
      Map.of("OpenStack-API-Version", "compute " + MICROVERSION, "X-OpenStack-Nova-API-Version", MICROVERSION);

  private final NovaCredentials creds;
  private volatile Token token;
  private volatile String endpoint;

  public NovaSession(NovaCredentials creds) {
    this.creds = creds;
  }

  Config config() {
    Config c = Config.newConfig().withConnectionTimeout(creds.timeoutSeconds() * 1000)
        .withReadTimeout(creds.timeoutSeconds() * 1000);
    return creds.insecure() ? c.withSSLVerificationDisabled() : c;
  }

  int timeoutSeconds() {
    return creds.timeoutSeconds();
  }

  synchronized Token token() {
    Token t = token;
    if (t == null || (t.getExpires() != null && t.getExpires().toInstant().isBefore(Instant.now().plusSeconds(60)))) {
      OSClient.OSClientV3 os = OSFactory.builderV3()
          .endpoint(creds.authUrl())
          .credentials(creds.username(), creds.password(), Identifier.byName(creds.userDomainName()))
          .scopeToProject(Identifier.byName(creds.projectName()), Identifier.byName(creds.projectDomainName()))
          .withConfig(config())
          .authenticate();
      t = os.getToken();
      token = t;
      endpoint = computeEndpoint(t);
      LOG.info("authenticated to Keystone {} as {}; Nova endpoint {}", creds.authUrl(), creds.username(), endpoint);
    }
    return t;
  }

  /** Forgets the token after Nova rejected it (401); the next call authenticates again. */
  synchronized void invalidate() {
    token = null;
  }

  String endpoint() {
    token();
    return endpoint;
  }

  /** A client for this thread at microversion 2.53 (used only for reads, see dependencies.md §2). */
  OSClient.OSClientV3 client() {
    OSClient.OSClientV3 os = OSFactory.clientFromToken(token(), facing(), config());
    if (creds.regionName() != null) {
      os.useRegion(creds.regionName());
    }
    os.headers(MICROVERSION_HEADERS);
    return os;
  }

  private Facing facing() {
    return switch (creds.interfaceName().toLowerCase(Locale.ROOT)) {
      case "admin" -> Facing.ADMIN;
      case "internal" -> Facing.INTERNAL;
      default -> Facing.PUBLIC;
    };
  }

  private String computeEndpoint(Token t) {
    for (var svc : t.getCatalog()) {
      if (!creds.serviceType().equals(svc.getType())) {
        continue;
      }
      if (creds.serviceName() != null && svc.getName() != null && !creds.serviceName().equals(svc.getName())) {
        continue;
      }
      for (Endpoint e : svc.getEndpoints()) {
        boolean iface = e.getIface() == facing();
        boolean region = creds.regionName() == null || creds.regionName().equals(e.getRegion())
            || creds.regionName().equals(e.getRegionId());
        if (iface && region) {
          String url = e.getUrl().toString();
          return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
      }
    }
    throw new NovaException(NovaException.Kind.FAILURE, 0, "no " + creds.serviceType() + " endpoint ("
        + creds.interfaceName() + (creds.regionName() == null ? "" : ", region " + creds.regionName())
        + ") in the Keystone catalog");
  }
}
