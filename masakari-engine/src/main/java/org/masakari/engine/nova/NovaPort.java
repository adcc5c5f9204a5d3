package org.masakari.engine.nova;

import java.util.List;

/**
 * Every Nova call the recovery flows make (compute API 2.53, privileged user). Calls block; the engine
 * makes them on its recovery worker threads. Failures throw {@link NovaException}.
 */
public interface NovaPort {
  /** Authenticates ahead of the first failure so that Keystone is not on a recovery's critical path. */
  default void warmUp() {}

  /** {@code GET /servers/detail?all_tenants=True&host=<host>}, every page. */
  ServerListing serversOnHost(String host);

  /**
   * {@code GET /servers/detail?all_tenants=True&changes-since=<since>}, every page: the servers of every
   * project whose state changed at or after {@code since} (Nova's clock). One call confirms many
   * evacuations at once.
   */
  ServerListing serversChangedSince(java.time.Instant since);

  /** {@code GET /os-services?binary=<binary>}: every host's service of that binary. */
  List<ComputeService> services(String binary);

  /** {@code GET /servers/{id}}. */
  Server server(String id);

  /** {@code GET /os-services?binary=<binary>&host=<host>}; NOT_FOUND when Nova has no such service. */
  ComputeService service(String host, String binary);

  /** {@code PUT /os-services/{id}} {@code {"status":"disabled","disabled_reason":…}}. */
  ComputeService disableService(ComputeService service, String reason);

  /** {@code PUT /os-services/{id}} {@code {"status":"enabled"}}. */
  ComputeService enableService(ComputeService service);

  /**
   * {@code PUT /os-services/{id}} {@code {"status":"disabled","disabled_reason":…,"forced_down":true}}:
   * one call at 2.53, which accepts all three fields together.
   */
  ComputeService disableAndForceDown(ComputeService service, String reason);

  /** {@code PUT /os-services/{id}} {@code {"forced_down":down}}. */
  ComputeService forceDown(ComputeService service, boolean down);

  /** {@code POST /servers/{id}/action} {@code {"evacuate":{}}} or {@code {"evacuate":{"host":h}}}. */
  void evacuate(String serverId, String targetHost);

  /** {@code {"os-resetState":{"state":…}}}. */
  void resetState(String serverId, String state);

  void stop(String serverId);

  void start(String serverId);

  void lock(String serverId);

  void unlock(String serverId);

  /** {@code GET /os-aggregates}. */
  List<Aggregate> aggregates();

  /** {@code POST /os-aggregates/{id}/action} {@code {"add_host":{"host":h}}}. */
  void addHostToAggregate(String aggregateId, String host);
}
