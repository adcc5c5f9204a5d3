package org.masakari.api.auth;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;

/** Turns request headers into a context, or fails with {@link Unauthorized}. */
public interface Authenticator {
  Future<RequestContext> authenticate(MultiMap headers);

  /** keystonemiddleware's 401. */
  final class Unauthorized extends RuntimeException {
    public Unauthorized(String why) {
      super(why, null, false, false);
    }
  }
}
