package org.masakari.core.nova;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.masakari.core.fault.NovaUnavailable;
import org.openstack4j.api.OSClient;
import org.openstack4j.api.types.Facing;
import org.openstack4j.core.transport.Config;
import org.openstack4j.model.common.Identifier;
import org.openstack4j.model.compute.ext.Service;
import org.openstack4j.model.identity.v3.Token;
import org.openstack4j.openstack.OSFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Host-name check through OpenStack4j: {@code GET /os-services?binary=nova-compute&host=<name>}.
 * OpenStack4j sessions are thread-local, so one token is shared and each call builds a client from it;
 * the token is renewed shortly before it expires.
 */
public final class OpenStack4jComputeDirectory implements ComputeServiceDirectory {
  private static final Logger LOG = LoggerFactory.getLogger(OpenStack4jComputeDirectory.class);
  private final NovaCredentials creds;
  private volatile Token token;

  public OpenStack4jComputeDirectory(NovaCredentials creds) {
    this.creds = creds;
  }

  private Config config() {
    Config c = Config.newConfig().withConnectionTimeout(creds.timeoutSeconds() * 1000)
        .withReadTimeout(creds.timeoutSeconds() * 1000);
    return creds.insecure() ? c.withSSLVerificationDisabled() : c;
  }

  private synchronized Token token() {
    Token t = token;
    if (t == null || t.getExpires() == null
        || t.getExpires().toInstant().isBefore(Instant.now().plusSeconds(60))) {
      OSClient.OSClientV3 os = OSFactory.builderV3()
          .endpoint(creds.authUrl())
          .credentials(creds.username(), creds.password(), Identifier.byName(creds.userDomainName()))
          .scopeToProject(Identifier.byName(creds.projectName()), Identifier.byName(creds.projectDomainName()))
          .withConfig(config())
          .authenticate();
      t = os.getToken();
      token = t;
      LOG.info("authenticated to Keystone {} as {} for Nova calls", creds.authUrl(), creds.username());
    }
    return t;
  }

  private OSClient.OSClientV3 client() {
    OSClient.OSClientV3 os = OSFactory.clientFromToken(token(), Facing.valueOf(facing()), config());
    if (creds.regionName() != null) {
      os.useRegion(creds.regionName());
    }
    return os;
  }

  private String facing() {
    return switch (creds.interfaceName().toLowerCase(java.util.Locale.ROOT)) {
      case "admin" -> "ADMIN";
      case "internal" -> "INTERNAL";
      default -> "PUBLIC";
    };
  }

  @Override
  public boolean computeServiceExists(String host) {
    try {
      List<? extends Service> services = client().compute().services()
          .list(Map.of("binary", "nova-compute", "host", host));
      // Nova filters by exact host already; compare again because names are case-sensitive here
      return services.stream().anyMatch(s -> host.equals(s.getHost()) && "nova-compute".equals(s.getBinary()));
    } catch (RuntimeException e) {
      token = null;
      LOG.warn("[host={}] Nova service lookup failed: {}", host, e.toString());
      throw new NovaUnavailable("Nova is unavailable: cannot verify compute service " + host + " (" + e.getMessage() + ")");
    }
  }
}
