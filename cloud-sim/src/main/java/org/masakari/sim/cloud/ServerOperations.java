package org.masakari.sim.cloud;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server lifecycle as nova-api, conductor and compute play it: checks in Nova's order (policy,
 * lookup, lock, vm/task state), then a task_state that a timer clears on the server's host.
 * Every method holds the {@link CloudState} monitor.
 */
public final class ServerOperations {
  private static final Logger LOG = LoggerFactory.getLogger(ServerOperations.class);

  private final CloudState state;

  public ServerOperations(CloudState state) {
    this.state = state;
  }

  // ---- create, read, delete ----

  public ServerSnapshot create(Caller caller, ServerSpec spec) {
    synchronized (state) {
      if (spec.forcedHost() != null && !caller.admin()) {
        throw CloudException.forbidden("Policy doesn't allow os_compute_api:servers:create:forced_host to be performed.");
      }
      Instant now = state.now();
      long seq = state.nextSeq++;
      SimServer s = new SimServer(UUID.randomUUID().toString(), seq, spec.name(), caller.projectId(), caller.userId(),
          now, spec.flavor(), spec.imageRef(), spec.keyName(), spec.description(),
          "r-" + Long.toString(seq, 36) + UUID.randomUUID().toString().substring(0, 6));
      s.metadata.putAll(spec.metadata());
      state.serversBySeq.put(seq, s);
      state.serversById.put(s.id, s);
      InstanceAction action = state.startAction(s, caller, "create");
      String target = spec.forcedHost() != null
          ? (state.hosts.containsKey(spec.forcedHost()) ? spec.forcedHost() : null)
          : chooseHost(null);
      if (target == null) {
        state.scheduler.after(state.settings().buildDelay(), () -> noValidHost(s, action));
        return s.snapshot("");
      }
      s.taskState = TaskState.SPAWNING;
      place(s, target);
      String host = target;
      state.onHost(host, state.settings().buildDelay(), () -> {
        if (s.vmState == VmState.BUILDING && state.serversById.containsKey(s.id)) {
          s.vmState = VmState.ACTIVE;
          s.taskState = null;
          s.powerState = PowerState.RUNNING;
          s.launchedAt = state.now();
          s.updatedAt = s.launchedAt;
          state.finishEvent(action, "compute__do_build_and_run_instance", host, true, action.startTime());
        }
      });
      return s.snapshot(state.hostStatus(host));
    }
  }

  private void noValidHost(SimServer s, InstanceAction action) {
    synchronized (state) {
      s.vmState = VmState.ERROR;
      s.taskState = null;
      s.faultMessage = "No valid host was found. ";
      s.faultAt = state.now();
      s.updatedAt = s.faultAt;
      state.finishEvent(action, "conductor_schedule_and_build_instances", CloudState.CONTROLLER_HOST, false,
          action.startTime());
    }
  }

  /** Seeds a server directly in a state, as a scenario file describes it (no API checks). */
  public ServerSnapshot seed(String name, String projectId, String userId, String host, VmState vmState,
      Map<String, String> metadata, Flavor flavor) {
    synchronized (state) {
      state.existingHost(host);
      Instant now = state.now();
      long seq = state.nextSeq++;
      SimServer s = new SimServer(UUID.randomUUID().toString(), seq, name, projectId, userId, now, flavor,
          "11111111-2222-3333-4444-555555555555", null, null, "r-" + Long.toString(seq, 36));
      s.metadata.putAll(metadata);
      s.vmState = vmState;
      s.taskState = null;
      s.powerState = vmState == VmState.ACTIVE ? PowerState.RUNNING : PowerState.SHUTDOWN;
      s.launchedAt = now;
      state.serversBySeq.put(seq, s);
      state.serversById.put(s.id, s);
      place(s, host);
      return s.snapshot(state.hostStatus(host));
    }
  }

  public ServerSnapshot show(Caller caller, String id) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      return s.snapshot(state.hostStatus(s.host));
    }
  }

  /** Newest first, filtered, one page after the marker, as Nova lists. */
  public Page<ServerSnapshot> list(Caller caller, ServerQuery q) {
    synchronized (state) {
      boolean everyProject = caller.admin() && q.allTenants();
      NavigableMap<Long, SimServer> source;
      if (q.host() != null && caller.admin()) {
        source = state.serversByHost.getOrDefault(q.host(), new TreeMap<>()).descendingMap();
      } else {
        source = state.serversBySeq.descendingMap();
      }
      if (q.marker() != null) {
        SimServer m = state.serversById.get(q.marker());
        if (m == null) {
          throw CloudException.badRequest("marker [" + q.marker() + "] not found");
        }
        source = source.tailMap(m.seq, false);
      }
      Pattern name = compileName(q.namePattern());
      VmState vm = q.status() == null ? null : ServerStatus.vmStateFor(q.status());
      List<ServerSnapshot> out = new ArrayList<>();
      for (SimServer s : source.values()) {
        if (out.size() >= q.limit()) {
          break;
        }
        if (!everyProject && !s.projectId.equals(caller.projectId())) {
          continue;
        }
        if (everyProject && q.projectId() != null && !q.projectId().equals(s.projectId)) {
          continue;
        }
        if (q.changesSince() != null && s.updatedAt.isBefore(q.changesSince())) {
          continue;
        }
        if (name != null && !name.matcher(s.name).find()) {
          continue;
        }
        if (q.status() != null && (vm == null || !ServerStatus.of(s.vmState, s.taskState).equalsIgnoreCase(q.status()))) {
          continue;
        }
        out.add(s.snapshot(state.hostStatus(s.host)));
      }
      return new Page<>(out, out.size() == q.limit());
    }
  }

  private static Pattern compileName(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      // Nova falls back to a literal match when the regex is invalid for the database
      return Pattern.compile(Pattern.quote(pattern));
    }
  }

  public void delete(Caller caller, String id) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      checkLock(caller, s);
      state.serversById.remove(s.id);
      state.serversBySeq.remove(s.seq);
      unplace(s);
      LOG.info("[server={}] deleted", id);
    }
  }

  // ---- actions ----

  public void stop(Caller caller, String id) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      checkLock(caller, s);
      checkReady(s);
      checkState(s, "stop", EnumSet.of(VmState.ACTIVE, VmState.ERROR));
      InstanceAction a = begin(s, caller, "stop", TaskState.POWERING_OFF);
      state.onHost(s.host, state.settings().powerOffDelay(), () -> {
        if (s.taskState == TaskState.POWERING_OFF) {
          finish(s, VmState.STOPPED, PowerState.SHUTDOWN);
          state.finishEvent(a, "compute_stop_instance", s.host, true, a.startTime());
        }
      });
    }
  }

  public void start(Caller caller, String id) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      checkLock(caller, s);
      checkReady(s);
      checkState(s, "start", EnumSet.of(VmState.STOPPED));
      InstanceAction a = begin(s, caller, "start", TaskState.POWERING_ON);
      state.onHost(s.host, state.settings().powerOnDelay(), () -> {
        if (s.taskState == TaskState.POWERING_ON) {
          finish(s, VmState.ACTIVE, PowerState.RUNNING);
          state.finishEvent(a, "compute_start_instance", s.host, true, a.startTime());
        }
      });
    }
  }

  /**
   * Nova's evacuate: API checks (target exists and differs, vm_state, source compute down), then
   * the conductor picks a host (the requested one must be up and enabled unless forced) and the
   * target compute claims the server (its host changes) and rebuilds it; a scheduling failure
   * puts the server in ERROR, as Zed's conductor does.
   *
   * <p>Like Zed, the API does not check task_state here: a second evacuate that arrives before the
   * claim (while the host is still the dead source) is accepted and wedges the server, which real
   * Nova did in real-nova.md ("Pitfalls"). After the claim the host is the live target, so a second
   * evacuate gets 400 "still in use".
   */
  public void evacuate(Caller caller, String id, String targetHost, boolean force) {
    synchronized (state) {
      Policy.requireAdmin(caller, "os_compute_api:os-evacuate");
      SimServer s = visible(state, caller, id);
      if (targetHost != null && !state.hosts.containsKey(targetHost)) {
        throw CloudException.notFound("Compute host " + targetHost + " not found.");
      }
      if (targetHost != null && targetHost.equals(s.host)) {
        throw CloudException.badRequest("The target host can't be the same one.");
      }
      if (!EnumSet.of(VmState.ACTIVE, VmState.STOPPED, VmState.ERROR).contains(s.vmState)) {
        throw CloudException.conflict(
            "Cannot 'evacuate' instance " + s.id + " while it is in vm_state " + s.vmState.wire());
      }
      if (s.host == null) {
        throw CloudException.notFound("Compute host None could not be found.");
      }
      if (state.isUp(s.host)) {
        throw CloudException.badRequest("Compute service of " + s.host + " is still in use.");
      }
      Instant now = state.now();
      Migration m = new Migration(state.nextMigrationId++, UUID.randomUUID().toString(), s.id, s.host, null,
          Migration.ACCEPTED, now, now);
      state.migrations.add(m);
      if (s.taskState != null) {
        wedge(s, caller, m);
        return;
      }
      String source = s.host;
      VmState before = s.vmState;
      InstanceAction a = begin(s, caller, "evacuate", TaskState.REBUILDING);
      String dest = targetHost != null ? (force || state.acceptsWork(targetHost) ? targetHost : null) : chooseHost(source);
      LOG.info("[server={}] evacuate from {} to {} (requested {})", id, source, dest, targetHost);
      if (dest == null) {
        state.scheduler.after(java.time.Duration.ZERO, () -> noValidHostForRebuild(s, a, m));
        return;
      }
      java.time.Duration claim = state.settings().rebuildDelay().dividedBy(4);
      state.onHost(dest, claim, () -> {
        if (!source.equals(s.host)) {
          return;
        }
        if (s.taskState == TaskState.REBUILD_BLOCK_DEVICE_MAPPING) {
          // wedged by a second evacuate: the first claim still lands, the rebuild never finishes
          unplace(s);
          place(s, dest);
          return;
        }
        if (s.taskState != TaskState.REBUILDING) {
          return;
        }
        // the destination compute claims the instance (instance.host = dest) before it rebuilds it
        unplace(s);
        place(s, dest);
        replaceMigration(m, m.with(Migration.ACCEPTED, dest, state.now()));
        state.finishEvent(a, "conductor_rebuild_server", CloudState.CONTROLLER_HOST, true, now);
        state.onHost(dest, state.settings().rebuildDelay().minus(claim), () -> {
          if (s.taskState == TaskState.REBUILDING && dest.equals(s.host)) {
            boolean stopped = before == VmState.STOPPED;
            finish(s, stopped ? VmState.STOPPED : VmState.ACTIVE, stopped ? PowerState.SHUTDOWN : PowerState.RUNNING);
            s.faultMessage = null;
            replaceMigration(m, m.with(Migration.DONE, dest, state.now()));
            state.finishEvent(a, "compute_rebuild_instance", dest, true, now);
            LOG.info("[server={}] rebuilt on {}", s.id, dest);
          }
        });
      });
    }
  }

  private void noValidHostForRebuild(SimServer s, InstanceAction a, Migration m) {
    synchronized (state) {
      replaceMigration(m, m.with(Migration.ERROR, null, state.now()));
      if (s.taskState == TaskState.REBUILDING) {
        s.vmState = VmState.ERROR;
        s.taskState = null;
        s.faultMessage = "No valid host was found. There are not enough hosts available.";
        s.faultAt = state.now();
        s.updatedAt = s.faultAt;
      }
      state.finishEvent(a, "conductor_rebuild_server", CloudState.CONTROLLER_HOST, false, a.startTime());
    }
  }

  /**
   * A second evacuate during a rebuild: what Zed did with it. The first rebuild fails with
   * UnexpectedTaskStateError, its migration becomes {@code failed}, the new one stays
   * {@code accepted}, and the server is left REBUILD (vm_state error, task_state
   * rebuild_block_device_mapping) until an admin resets its state.
   */
  private void wedge(SimServer s, Caller caller, Migration second) {
    Instant now = state.now();
    for (int i = 0; i < state.migrations.size(); i++) {
      Migration m = state.migrations.get(i);
      if (m.instanceUuid().equals(s.id) && m != second && Migration.ACCEPTED.equals(m.status())) {
        state.migrations.set(i, m.with(Migration.FAILED, m.destCompute(), now));
      }
    }
    s.vmState = VmState.ERROR;
    s.taskState = TaskState.REBUILD_BLOCK_DEVICE_MAPPING;
    s.updatedAt = now;
    InstanceAction a = state.startAction(s, caller, "evacuate");
    state.finishEvent(a, "compute_rebuild_instance", s.host, false, now);
    LOG.warn("[server={}] evacuated twice during a rebuild: left in REBUILD, as real Nova leaves it", s.id);
  }

  private void replaceMigration(Migration old, Migration updated) {
    for (int i = 0; i < state.migrations.size(); i++) {
      if (state.migrations.get(i).id() == old.id()) {
        state.migrations.set(i, updated);
        return;
      }
    }
  }

  public void resetState(Caller caller, String id, VmState target) {
    synchronized (state) {
      Policy.requireAdmin(caller, "os_compute_api:os-admin-actions:reset_state");
      SimServer s = visible(state, caller, id);
      s.vmState = target;
      s.taskState = null;
      s.updatedAt = state.now();
    }
  }

  public void lock(Caller caller, String id, String reason) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      s.locked = true;
      s.lockedReason = reason;
      // Nova records who locked it: the owner, or anyone else ("admin")
      s.lockedByAdmin = !s.projectId.equals(caller.projectId());
      s.updatedAt = state.now();
      state.startAction(s, caller, "lock");
    }
  }

  public void unlock(Caller caller, String id) {
    synchronized (state) {
      SimServer s = visible(state, caller, id);
      // Nova: unlocking a lock taken by the other party ("owner" vs "admin") needs unlock_override
      boolean callerIsOwner = s.projectId.equals(caller.projectId());
      boolean lockedByCallersParty = s.lockedByAdmin != callerIsOwner;
      if (s.locked && !lockedByCallersParty && !caller.admin()) {
        throw CloudException.forbidden(
            "Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
      }
      s.locked = false;
      s.lockedReason = null;
      s.updatedAt = state.now();
      state.startAction(s, caller, "unlock");
    }
  }

  // ---- shared checks and transitions ----

  static SimServer visible(CloudState state, Caller caller, String id) {
    SimServer s = state.serversById.get(id);
    if (s == null || (!caller.admin() && !s.projectId.equals(caller.projectId()))) {
      throw CloudException.notFound("Instance " + id + " could not be found.");
    }
    return s;
  }

  static void checkLock(Caller caller, SimServer s) {
    if (s.locked && !caller.admin()) {
      throw CloudException.conflict("Instance " + s.id + " is locked");
    }
  }

  private static void checkReady(SimServer s) {
    if (s.host == null) {
      throw CloudException.conflict("Instance " + s.id + " is not ready");
    }
  }

  static void checkState(SimServer s, String action, Set<VmState> allowed) {
    if (!allowed.contains(s.vmState)) {
      throw CloudException.conflict(
          "Cannot '" + action + "' instance " + s.id + " while it is in vm_state " + s.vmState.wire());
    }
    if (s.taskState != null) {
      throw CloudException.conflict(
          "Cannot '" + action + "' instance " + s.id + " while it is in task_state " + s.taskState.wire());
    }
  }

  private InstanceAction begin(SimServer s, Caller caller, String action, TaskState task) {
    s.taskState = task;
    s.updatedAt = state.now();
    return state.startAction(s, caller, action);
  }

  private void finish(SimServer s, VmState vm, PowerState power) {
    s.vmState = vm;
    s.powerState = power;
    s.taskState = null;
    s.updatedAt = state.now();
  }

  /** Least-loaded up and enabled host other than {@code exclude}, as a spreading scheduler picks. */
  private String chooseHost(String exclude) {
    String best = null;
    int bestLoad = Integer.MAX_VALUE;
    for (String h : state.hosts.keySet()) {
      if (h.equals(exclude) || !state.acceptsWork(h)) {
        continue;
      }
      int load = state.serversByHost.getOrDefault(h, EMPTY).size();
      if (load < bestLoad) {
        best = h;
        bestLoad = load;
      }
    }
    return best;
  }

  private static final TreeMap<Long, SimServer> EMPTY = new TreeMap<>();

  private void place(SimServer s, String host) {
    s.host = host;
    // Nova saves the instance when its host changes (the evacuation claim), which moves updated_at
    s.updatedAt = state.now();
    state.serversByHost.computeIfAbsent(host, k -> new TreeMap<>()).put(s.seq, s);
  }

  private void unplace(SimServer s) {
    if (s.host != null) {
      TreeMap<Long, SimServer> m = state.serversByHost.get(s.host);
      if (m != null) {
        m.remove(s.seq);
      }
    }
  }
}
