package org.masakari.client.keystone;

import java.net.URI;
import java.util.Optional;

/** keystoneauth's none plugin: a configured endpoint and no token. */
public final class FixedEndpoint implements ApiAccessProvider {
  private final ApiAccess access;

  public FixedEndpoint(URI endpoint) {
    this.access = new ApiAccess(endpoint, Optional.empty());
  }

  @Override
  public ApiAccess access() {
    return access;
  }

  @Override
  public void forget() {
    // nothing cached
  }
}
