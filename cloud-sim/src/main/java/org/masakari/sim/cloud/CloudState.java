package org.masakari.sim.cloud;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole simulated cloud: hosts with their services and hypervisors, servers, aggregates,
 * migrations and instance actions. Every public method is synchronized on this object, so HTTP
 * handlers, timers and embedding tests see one consistent state; each call is short (no I/O).
 * Server lifecycle operations live in {@link ServerOperations}, which shares this monitor.
 */
public final class CloudState {
  private static final Logger LOG = LoggerFactory.getLogger(CloudState.class);
  static final String CONTROLLER_HOST = "controller";

  final Clock clock;
  final Scheduler scheduler;
  private volatile CloudSettings settings;

  final Map<String, SimHost> hosts = new LinkedHashMap<>();
  private final List<ComputeService> services = new ArrayList<>();
  private final Map<String, ComputeService> servicesByUuid = new HashMap<>();
  /** Creation order; Nova's default sort (created_at desc) is the descending view. */
  final TreeMap<Long, SimServer> serversBySeq = new TreeMap<>();
  final Map<String, SimServer> serversById = new HashMap<>();
  final Map<String, TreeMap<Long, SimServer>> serversByHost = new HashMap<>();
  private final Map<Integer, Aggregate> aggregates = new LinkedHashMap<>();
  final List<Migration> migrations = new ArrayList<>();
  final Map<String, List<InstanceAction>> actionsByServer = new HashMap<>();
  private int nextServiceId = 1;
  private int nextHypervisorId = 1;
  private int nextAggregateId = 1;
  int nextMigrationId = 1;
  long nextSeq = 1;

  public CloudState(Clock clock, CloudSettings settings, Scheduler scheduler) {
    this.clock = clock;
    this.settings = settings;
    this.scheduler = scheduler;
    // a real deployment lists its control-plane services too; the CLI shows them
    addService("nova-scheduler", CONTROLLER_HOST, "internal");
    addService("nova-conductor", CONTROLLER_HOST, "internal");
  }

  public CloudSettings settings() {
    return settings;
  }

  public synchronized void settings(CloudSettings newSettings) {
    this.settings = newSettings;
    LOG.info("[sim] settings changed: {}", newSettings);
  }

  public Instant now() {
    return clock.instant();
  }

  // ---- hosts, services, hypervisors ----

  /** Adds a compute host with an enabled, reporting nova-compute service; idempotent by name. */
  public synchronized void addHost(String name) {
    if (hosts.containsKey(name)) {
      return;
    }
    ComputeService service = addService("nova-compute", name, "nova");
    int hid = nextHypervisorId++;
    String ip = "10." + (hid / 65536 % 256) + "." + (hid / 256 % 256) + "." + (hid % 256);
    hosts.put(name, new SimHost(name, hid, UUID.randomUUID().toString(), ip, service));
  }

  public synchronized List<String> hostNames() {
    return List.copyOf(hosts.keySet());
  }

  private ComputeService addService(String binary, String host, String zone) {
    ComputeService s = new ComputeService(nextServiceId++, UUID.randomUUID().toString(), binary, host, zone);
    services.add(s);
    servicesByUuid.put(s.uuid, s);
    return s;
  }

  public synchronized List<ServiceSnapshot> services(Caller caller, String host, String binary) {
    Policy.requireAdmin(caller, "os_compute_api:os-services:list");
    Instant now = now();
    List<ServiceSnapshot> out = new ArrayList<>();
    for (ComputeService s : services) {
      if ((host == null || host.equals(s.host)) && (binary == null || binary.equals(s.binary))) {
        out.add(s.snapshot(now, settings));
      }
    }
    return out;
  }

  /** {@code PUT /os-services/{uuid}} (2.53+). */
  public synchronized ServiceSnapshot updateService(Caller caller, String uuid, ServiceUpdate update) {
    Policy.requireAdmin(caller, "os_compute_api:os-services:update");
    if (!isUuid(uuid)) {
      throw CloudException.badRequest("Invalid uuid " + uuid);
    }
    ComputeService s = servicesByUuid.get(uuid);
    if (s == null) {
      throw CloudException.notFound("Service " + uuid + " could not be found.");
    }
    return apply(s, update);
  }

  /** The legacy {@code PUT /os-services/{action}} with host and binary in the body (before 2.53). */
  public synchronized ServiceSnapshot updateService(Caller caller, String host, String binary, ServiceUpdate update) {
    Policy.requireAdmin(caller, "os_compute_api:os-services:update");
    ComputeService s =
        services.stream().filter(x -> x.host.equals(host) && x.binary.equals(binary)).findFirst().orElse(null);
    if (s == null) {
      throw CloudException.notFound("Could not find binary " + binary + " on host " + host + ".");
    }
    return apply(s, update);
  }

  private ServiceSnapshot apply(ComputeService s, ServiceUpdate u) {
    if (u.status() == null && u.forcedDown() == null) {
      throw CloudException.badRequest(
          "No updates were requested. Fields 'status' or 'forced_down' should be specified.");
    }
    if (!"nova-compute".equals(s.binary)) {
      throw CloudException.badRequest(
          "Updating a " + s.binary + " service is not supported. Only nova-compute services can be updated.");
    }
    if ("enabled".equals(u.status()) && u.reasonGiven()) {
      throw CloudException.badRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
    }
    if (Boolean.FALSE.equals(u.forcedDown()) && hasDoneEvacuations(s.host)) {
      throw CloudException.badRequest(
          "Unable to force up host " + s.host + " as `done` evacuation migration records remain associated "
              + "with the host. Ensure the compute service has been restarted, allowing these records to move to "
              + "`completed` before retrying this request.");
    }
    if ("enabled".equals(u.status())) {
      s.disabled = false;
      s.disabledReason = null;
    } else if ("disabled".equals(u.status())) {
      s.disabled = true;
      s.disabledReason = u.disabledReason();
    }
    if (u.forcedDown() != null) {
      s.forcedDown = u.forcedDown();
    }
    LOG.info("[host={}] {} status={} forced_down={} reason={}", s.host, s.binary, s.disabled ? "disabled" : "enabled",
        s.forcedDown, s.disabledReason);
    return s.snapshot(now(), settings);
  }

  private boolean hasDoneEvacuations(String host) {
    return migrations.stream().anyMatch(m -> host.equals(m.sourceCompute()) && Migration.DONE.equals(m.status()));
  }

  public synchronized List<HypervisorSnapshot> hypervisors(Caller caller, String hostnamePattern) {
    Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:list");
    List<HypervisorSnapshot> out = new ArrayList<>();
    String needle = hostnamePattern == null ? null : hostnamePattern.toLowerCase(Locale.ROOT);
    for (SimHost h : hosts.values()) {
      if (needle == null || h.name.toLowerCase(Locale.ROOT).contains(needle)) {
        out.add(hypervisor(h));
      }
    }
    if (hostnamePattern != null && out.isEmpty()) {
      throw CloudException.notFound("No hypervisor matching '" + hostnamePattern + "' could be found.");
    }
    return out;
  }

  public synchronized HypervisorSnapshot hypervisor(Caller caller, String id) {
    Policy.requireAdmin(caller, "os_compute_api:os-hypervisors:show");
    for (SimHost h : hosts.values()) {
      if (h.hypervisorUuid.equals(id) || String.valueOf(h.hypervisorId).equals(id)) {
        return hypervisor(h);
      }
    }
    throw CloudException.notFound("Hypervisor " + id + " could not be found.");
  }

  private HypervisorSnapshot hypervisor(SimHost h) {
    int vms = 0;
    int vcpus = 0;
    int ram = 0;
    int disk = 0;
    for (SimServer s : serversByHost.getOrDefault(h.name, new TreeMap<>()).values()) {
      vms++;
      vcpus += s.flavor.vcpus();
      ram += s.flavor.ramMb();
      disk += s.flavor.diskGb();
    }
    return new HypervisorSnapshot(h.hypervisorId, h.hypervisorUuid, h.name, h.hostIp,
        h.service.snapshot(now(), settings), h.vcpus, h.memoryMb, h.diskGb, vms, vcpus, ram + 512, disk);
  }

  /** Up, enabled, not failed: where Nova's scheduler may place or rebuild a server. */
  boolean acceptsWork(String host) {
    SimHost h = hosts.get(host);
    return h != null && !h.service.disabled && h.service.isUp(now(), settings);
  }

  boolean isUp(String host) {
    SimHost h = hosts.get(host);
    return h != null && h.service.isUp(now(), settings);
  }

  /** Nova's host_status (2.16): forced down, disabled, heartbeat, in that order. */
  String hostStatus(String host) {
    SimHost h = host == null ? null : hosts.get(host);
    if (h == null) {
      return "";
    }
    if (h.service.forcedDown) {
      return "DOWN";
    }
    if (h.service.disabled) {
      return "MAINTENANCE";
    }
    return h.service.isUp(now(), settings) ? "UP" : "UNKNOWN";
  }

  // ---- aggregates ----

  public synchronized List<Aggregate> aggregates(Caller caller) {
    Policy.requireAdmin(caller, "os_compute_api:os-aggregates:index");
    return List.copyOf(aggregates.values());
  }

  public synchronized Aggregate aggregate(Caller caller, int id) {
    Policy.requireAdmin(caller, "os_compute_api:os-aggregates:show");
    return existingAggregate(id);
  }

  public synchronized Aggregate createAggregate(Caller caller, String name, String zone) {
    Policy.requireAdmin(caller, "os_compute_api:os-aggregates:create");
    if (aggregates.values().stream().anyMatch(a -> a.name().equals(name))) {
      throw CloudException.conflict("Aggregate " + name + " already exists.");
    }
    Instant now = now();
    Aggregate a = new Aggregate(nextAggregateId++, UUID.randomUUID().toString(), name, zone, List.of(),
        zone == null ? Map.of() : Map.of("availability_zone", zone), now, null);
    aggregates.put(a.id(), a);
    return a;
  }

  public synchronized Aggregate addHostToAggregate(Caller caller, int id, String host) {
    Policy.requireAdmin(caller, "os_compute_api:os-aggregates:add_host");
    Aggregate a = existingAggregate(id);
    if (!hosts.containsKey(host)) {
      throw CloudException.notFound("Compute host " + host + " could not be found.");
    }
    if (a.hosts().contains(host)) {
      throw CloudException.conflict("Aggregate " + id + " already has host " + host + ".");
    }
    LinkedHashSet<String> hs = new LinkedHashSet<>(a.hosts());
    hs.add(host);
    return replace(a, List.copyOf(hs));
  }

  public synchronized Aggregate removeHostFromAggregate(Caller caller, int id, String host) {
    Policy.requireAdmin(caller, "os_compute_api:os-aggregates:remove_host");
    Aggregate a = existingAggregate(id);
    if (!a.hosts().contains(host)) {
      throw CloudException.notFound("Aggregate " + id + " has no host " + host + ".");
    }
    List<String> hs = new ArrayList<>(a.hosts());
    hs.remove(host);
    return replace(a, List.copyOf(hs));
  }

  private Aggregate replace(Aggregate a, List<String> hostList) {
    Aggregate b = new Aggregate(a.id(), a.uuid(), a.name(), a.availabilityZone(), hostList, a.metadata(),
        a.createdAt(), now());
    aggregates.put(b.id(), b);
    return b;
  }

  private Aggregate existingAggregate(int id) {
    Aggregate a = aggregates.get(id);
    if (a == null) {
      throw CloudException.notFound("Aggregate " + id + " could not be found.");
    }
    return a;
  }

  // ---- migrations and instance actions ----

  public synchronized List<Migration> migrations(Caller caller, String instanceUuid) {
    Policy.requireAdmin(caller, "os_compute_api:os-migrations:index");
    List<Migration> out = new ArrayList<>();
    for (Migration m : migrations) {
      if (instanceUuid == null || instanceUuid.equals(m.instanceUuid())) {
        out.add(m);
      }
    }
    out.sort(Comparator.comparing(Migration::createdAt).thenComparing(Migration::id).reversed());
    return out;
  }

  InstanceAction startAction(SimServer s, Caller caller, String action) {
    Instant now = now();
    InstanceAction a = new InstanceAction(action, s.id, "req-" + UUID.randomUUID(), caller.userId(),
        caller.projectId(), now, now, null, List.of());
    actionsByServer.computeIfAbsent(s.id, k -> new ArrayList<>()).add(a);
    return a;
  }

  /** Appends a finished event to an action; a failed event sets the action's message to "Error". */
  void finishEvent(InstanceAction a, String event, String host, boolean success, Instant started) {
    List<InstanceAction> list = actionsByServer.get(a.instanceUuid());
    if (list == null) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      InstanceAction cur = list.get(i);
      if (cur.requestId().equals(a.requestId())) {
        Instant now = now();
        list.set(i, cur.withEvent(new InstanceAction.Event(event, started, now, success ? "Success" : "Error", host),
            now, success ? cur.message() : "Error"));
        return;
      }
    }
  }

  public synchronized List<InstanceAction> instanceActions(Caller caller, String serverId) {
    ServerOperations.visible(this, caller, serverId);
    List<InstanceAction> list = new ArrayList<>(actionsByServer.getOrDefault(serverId, List.of()));
    Collections.reverse(list);
    return list;
  }

  public synchronized InstanceAction instanceAction(Caller caller, String serverId, String requestId) {
    ServerOperations.visible(this, caller, serverId);
    return actionsByServer.getOrDefault(serverId, List.of()).stream()
        .filter(a -> a.requestId().equals(requestId))
        .findFirst()
        .orElseThrow(() -> CloudException.notFound(
            "Action for request_id " + requestId + " on instance " + serverId + " not found"));
  }

  // ---- failure injection (control API) ----

  /**
   * Told of injected failures as a compute node's monitors would notice them (the demo's simulated
   * monitors). Called with the cloud's lock held: implementations hand the work to their own thread.
   */
  public interface FailureListener {
    void hostFailed(String host);

    void serverCrashed(String serverId, String host);
  }

  private final List<FailureListener> failureListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

  public void addFailureListener(FailureListener l) {
    failureListeners.add(l);
  }

  /** The host dies: its compute stops heartbeating and any work sent to it waits. */
  public synchronized void failHost(String name) {
    SimHost h = existingHost(name);
    if (h.failed) {
      return;
    }
    h.failed = true;
    h.service.heartbeatStoppedAt = now();
    LOG.info("[host={}] failed: compute heartbeat stopped, {} servers on it", name,
        serversByHost.getOrDefault(name, new TreeMap<>()).size());
    failureListeners.forEach(l -> l.hostFailed(name));
  }

  /**
   * The host comes back (or its live compute restarts): the compute heartbeats again, does the work queued for it, stops the
   * guests that did not survive (Nova's power-state sync), and after a delay marks its done
   * evacuations completed, which is what lets an operator force the service up again.
   */
  public synchronized void recoverHost(String name) {
    SimHost h = existingHost(name);
    if (!h.failed) {
      // a restart of a live compute still cleans up its evacuations, as nova-compute's init_host does
      LOG.info("[host={}] compute restarted", name);
      scheduler.after(settings.hostCleanupDelay(), () -> completeEvacuations(name));
      return;
    }
    h.failed = false;
    h.service.heartbeatStoppedAt = null;
    List<Runnable> work = new ArrayList<>(h.parked);
    h.parked.clear();
    work.forEach(Runnable::run);
    int stopped = 0;
    for (SimServer s : new ArrayList<>(serversByHost.getOrDefault(name, new TreeMap<>()).values())) {
      if (s.vmState == VmState.ACTIVE && s.taskState == null) {
        s.vmState = VmState.STOPPED;
        s.powerState = PowerState.SHUTDOWN;
        s.updatedAt = now();
        stopped++;
      }
    }
    LOG.info("[host={}] recovered: {} queued operations resumed, {} guests found stopped", name, work.size(), stopped);
    scheduler.after(settings.hostCleanupDelay(), () -> completeEvacuations(name));
  }

  private synchronized void completeEvacuations(String host) {
    Instant now = now();
    for (int i = 0; i < migrations.size(); i++) {
      Migration m = migrations.get(i);
      if (host.equals(m.sourceCompute()) && Migration.DONE.equals(m.status())) {
        migrations.set(i, m.with(Migration.COMPLETED, m.destCompute(), now));
      }
    }
  }

  /** The guest dies under a live compute: libvirt reports it stopped and Nova syncs to SHUTOFF. */
  public synchronized void crashServer(String id) {
    SimServer s = serversById.get(id);
    if (s == null) {
      throw CloudException.notFound("Instance " + id + " could not be found.");
    }
    if (s.vmState != VmState.ACTIVE || s.taskState != null) {
      throw CloudException.conflict("Instance " + id + " is not running (vm_state " + s.vmState.wire() + ").");
    }
    if (hosts.get(s.host).failed) {
      throw CloudException.conflict("Instance " + id + " is on failed host " + s.host + ".");
    }
    s.vmState = VmState.STOPPED;
    s.powerState = PowerState.SHUTDOWN;
    s.updatedAt = now();
    InstanceAction a = startAction(s, new Caller(null, s.projectId, true), "stop");
    finishEvent(a, "compute_stop_instance", s.host, true, a.startTime());
    LOG.info("[server={}] crashed on host {}", id, s.host);
    failureListeners.forEach(l -> l.serverCrashed(id, s.host));
  }

  public synchronized boolean isFailed(String host) {
    return existingHost(host).failed;
  }

  SimHost existingHost(String name) {
    SimHost h = hosts.get(name);
    if (h == null) {
      throw CloudException.notFound("Compute host " + name + " could not be found.");
    }
    return h;
  }

  /** Runs a transition on a host after a delay; a dead host's work waits until it recovers. */
  void onHost(String host, java.time.Duration delay, Runnable transition) {
    scheduler.after(delay, () -> {
      synchronized (this) {
        SimHost h = host == null ? null : hosts.get(host);
        if (h != null && h.failed) {
          h.parked.add(transition);
        } else {
          transition.run();
        }
      }
    });
  }

  /** Counts for the control API's summary. */
  public synchronized Map<String, Object> summary() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hosts", hosts.size());
    out.put("failed_hosts", hosts.values().stream().filter(h -> h.failed).map(h -> h.name).toList());
    out.put("servers", serversById.size());
    Map<String, Integer> byStatus = new TreeMap<>();
    for (SimServer s : serversById.values()) {
      byStatus.merge(ServerStatus.of(s.vmState, s.taskState), 1, Integer::sum);
    }
    out.put("servers_by_status", byStatus);
    out.put("migrations", migrations.size());
    return out;
  }

  static boolean isUuid(String s) {
    try {
      return s.length() == 36 && UUID.fromString(s).toString().equalsIgnoreCase(s);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
