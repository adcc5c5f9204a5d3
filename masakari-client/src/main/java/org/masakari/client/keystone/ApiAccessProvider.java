package org.masakari.client.keystone;

/**
 * Gives the instance-ha endpoint and a valid token. Implementations cache what they fetched:
 * during a mass failure every notification would otherwise cost a Keystone round trip.
 */
public interface ApiAccessProvider {

  /** Blocking; may contact Keystone. Throws {@link KeystoneException} when it cannot. */
  ApiAccess access();

  /** Drops anything cached, so the next {@link #access()} starts afresh (e.g. after a 401). */
  void forget();

  static ApiAccessProvider from(ApiOptions options, java.net.http.HttpClient http) {
    return switch (options.authType()) {
      case NONE -> new FixedEndpoint(options.endpoint().orElseThrow());
      case PASSWORD -> new KeystonePasswordAuth(options, http, java.time.Clock.systemUTC());
    };
  }
}
