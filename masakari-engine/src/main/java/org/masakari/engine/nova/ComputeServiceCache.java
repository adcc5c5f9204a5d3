package org.masakari.engine.nova;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nova-compute service of every host, read once at start-up and kept fresh by every update the engine
 * makes, so that forcing a failed host down is one Nova call ({@code PUT /os-services/{id}}) instead of a
 * lookup and a call: at 1 s of Nova latency that second decides whether the first evacuation starts within
 * 2 s. A service id only changes when the service is deleted and registered again; a stale id answers 404
 * and the caller looks it up afresh ({@link #forget}).
 */
public final class ComputeServiceCache {
  private static final Logger LOG = LoggerFactory.getLogger(ComputeServiceCache.class);
  public static final String BINARY = "nova-compute";

  private final NovaPort nova;
  private final Map<String, ComputeService> byHost = new ConcurrentHashMap<>();

  public ComputeServiceCache(NovaPort nova) {
    this.nova = nova;
  }

  /** Reads every nova-compute service; failures leave the cache as it was (lookups then go to Nova). */
  public void load() {
    try {
      var all = nova.services(BINARY);
      all.forEach(this::remember);
      LOG.info("nova-compute services known: {}", all.size());
    } catch (RuntimeException e) {
      LOG.warn("could not list nova-compute services ({}); failed hosts will be looked up one by one", e.toString());
    }
  }

  /** The last known record of the host's service, possibly stale in its status fields. */
  public Optional<ComputeService> known(String host) {
    return Optional.ofNullable(byHost.get(host));
  }

  /** Looks the host's service up in Nova now and remembers it. */
  public ComputeService lookup(String host) {
    return remember(nova.service(host, BINARY));
  }

  public ComputeService remember(ComputeService s) {
    if (s != null && s.host() != null && BINARY.equals(s.binary())) {
      byHost.put(s.host(), s);
    }
    return s;
  }

  public void forget(String host) {
    byHost.remove(host);
  }

  /** A call that changes a service, given its record and whether that record was just read from Nova. */
  @FunctionalInterface
  public interface Change {
    ComputeService apply(ComputeService service, boolean current);
  }

  /**
   * Changes the host's service with one call when its id is known, else (or when Nova answers 404 for the
   * known id: the service was registered again) after looking it up; remembers the answer.
   */
  public ComputeService update(String host, Change change) {
    ComputeService known = byHost.get(host);
    if (known != null) {
      try {
        return remember(change.apply(known, false));
      } catch (NovaException e) {
        if (e.kind() != NovaException.Kind.NOT_FOUND) {
          throw e;
        }
        forget(host);
      }
    }
    return remember(change.apply(lookup(host), true));
  }
}
