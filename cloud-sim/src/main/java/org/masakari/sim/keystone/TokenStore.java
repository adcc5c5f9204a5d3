package org.masakari.sim.keystone;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Issued tokens until they expire or are revoked; shared by the Keystone and Nova endpoints. */
public final class TokenStore {
  /** Expired tokens are purged when the store grows past this, so load tests cannot grow it forever. */
  private static final int PURGE_THRESHOLD = 10_000;

  private final Clock clock;
  private final Duration lifetime;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  public TokenStore(Clock clock, Duration lifetime) {
    this.clock = clock;
    this.lifetime = lifetime;
  }

  public Token issue(Identity.User user, Identity.Project project, List<String> methods) {
    if (tokens.size() > PURGE_THRESHOLD) {
      Instant now = clock.instant();
      tokens.values().removeIf(t -> !t.expiresAt().isAfter(now));
    }
    Instant now = clock.instant();
    // Fernet tokens start with "gAAAAA"; the shape makes logs look familiar, nothing depends on it
    Token t = new Token("gAAAAA" + randomText(48), user, project, List.copyOf(methods), randomText(16), now,
        now.plus(lifetime));
    tokens.put(t.id(), t);
    return t;
  }

  public Optional<Token> valid(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Token t = tokens.get(id);
    if (t == null || !t.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(t);
  }

  public boolean revoke(String id) {
    return id != null && tokens.remove(id) != null;
  }

  private String randomText(int bytes) {
    byte[] b = new byte[bytes];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
