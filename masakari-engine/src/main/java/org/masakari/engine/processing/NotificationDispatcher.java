package org.masakari.engine.processing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.masakari.core.db.Tx;
import org.masakari.core.domain.Host;
import org.masakari.core.domain.Notification;
import org.masakari.core.domain.RecoveryMethod;
import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.flows.FlowRunner;
import org.masakari.engine.flows.HostFailureFlow;
import org.masakari.engine.flows.InstanceFailureFlow;
import org.masakari.engine.flows.ProcessFailureFlow;
import org.masakari.engine.poll.Waiter;
import org.masakari.engine.tasks.FlowContext;
import org.masakari.engine.tasks.HostStore;
import org.masakari.engine.tasks.NotificationIgnored;
import org.masakari.engine.tasks.RecoverySkipped;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a claimed notification means (contract §4.2) and runs its flow: COMPUTE_HOST
 * {@code STOPPED} with {@code host_status=NORMAL} → host-failure flow; PROCESS {@code STOPPED} →
 * maintenance and, for nova-compute, the process flow; the accepted VM events → instance flow. Anything
 * else is ignored or finished as upstream does.
 */
public final class NotificationDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String SEGMENT_DISABLED = "Recovery aboart: the segment HA is disabled.";
  /** ENG-017: the only (event, vir_domain_event) pairs an instance recovery acts on. */
  static final Set<List<String>> ACCEPTED_VM_EVENTS = Set.of(List.of("LIFECYCLE", "STOPPED_FAILED"),
      List.of("QEMU_GUEST_AGENT_ERROR", "STOPPED_FAILED"), List.of("IO_ERROR", "IO_ERROR_REPORT"));

  private final Tx tx;
  private final HostStore hosts;
  private final EngineOptions options;
  private final FlowRunner runner;
  private final HostFailureFlow hostFlow;
  private final InstanceFailureFlow instanceFlow;
  private final ProcessFailureFlow processFlow;

  public NotificationDispatcher(Tx tx, HostStore hosts, EngineOptions options, FlowRunner runner) {
    this.tx = tx;
    this.hosts = hosts;
    this.options = options;
    this.runner = runner;
    this.hostFlow = new HostFailureFlow(runner, options.flows());
    this.instanceFlow = new InstanceFailureFlow(runner, options.flows());
    this.processFlow = new ProcessFailureFlow(runner, options.flows());
  }

  /**
   * @param firstAttempt the segment-enabled check applies only then (upstream skips it on retries)
   * @throws Waiter.EngineStopping when the engine stops meanwhile (the claim is left for a peer)
   */
  public Outcome process(String notificationUuid, boolean firstAttempt) {
    Optional<Notification> found = load(notificationUuid);
    if (found.isEmpty()) {
      return Outcome.error("notification not found");
    }
    return process(found.get(), firstAttempt);
  }

  /** As {@link #process(String, boolean)} for a notification already read (by the claim). */
  public Outcome process(Notification n, boolean firstAttempt) {
    return process(n, hosts.byUuid(n.getSourceHostUuid()), firstAttempt);
  }

  /** As {@link #process(String, boolean)} for a notification and its source host already read (by the claim). */
  public Outcome process(Notification n, Optional<Host> host, boolean firstAttempt) {
    if (host.isEmpty()) {
      return Outcome.error("source host " + n.getSourceHostUuid() + " no longer exists");
    }
    Host h = host.get();
    JsonNode payload = parse(n.getPayload());
    Optional<Outcome> decided = decide(n, h, payload, firstAttempt);
    if (decided.isPresent()) {
      return decided.get();
    }
    String tag = "[notification=" + n.getNotificationUuid() + "] [host=" + h.getName() + "]";
    try {
      return switch (n.getType()) {
        case COMPUTE_HOST -> computeHost(n, h, payload);
        case PROCESS -> process(n, h, payload, tag);
        case VM -> vm(n, h, payload);
      };
    } catch (RecoverySkipped e) {
      LOG.info("{} nothing to recover: {}", tag, e.getMessage());
      return Outcome.finished();
    } catch (NotificationIgnored e) {
      LOG.info("{} ignored: {}", tag, e.getMessage());
      return Outcome.ignored(null);
    } catch (Waiter.EngineStopping e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("{} recovery failed: {}", tag, e.toString());
      return Outcome.error(e);
    }
  }

  /**
   * The outcome when the notification's content alone settles it — no flow, no Nova call, no write besides
   * the status (a disabled segment, a process that started, an unconfirmed host failure, a VM event that
   * needs nothing). The claim stores such an outcome in its own transaction; empty when a flow must run.
   */
  public Optional<Outcome> decide(Notification n, Optional<Host> host, boolean firstAttempt) {
    return host.isEmpty() ? Optional.empty() : decide(n, host.get(), parse(n.getPayload()), firstAttempt);
  }

  private Optional<Outcome> decide(Notification n, Host h, JsonNode payload, boolean firstAttempt) {
    String tag = "[notification=" + n.getNotificationUuid() + "] [host=" + h.getName() + "]";
    if (firstAttempt && h.getSegment() != null && !h.getSegment().isEnabled()) {
      LOG.info("{} segment {} is disabled: ignored", tag, h.getFailoverSegmentId());
      return Optional.of(Outcome.ignored(SEGMENT_DISABLED));
    }
    String event = payload.path("event").asText("");
    return switch (n.getType()) {
      case COMPUTE_HOST -> {
        String hostStatus = payload.path("host_status").asText(null);
        if (!"NORMAL".equals(hostStatus)) {
          // UNKNOWN: the monitor could not confirm the host is off; evacuating could run instances twice
          LOG.info("{} host_status {}: not acting on an unconfirmed host failure", tag, hostStatus);
          yield Optional.of(Outcome.ignored(null));
        }
        if ("STARTED".equals(event)) {
          yield options.hostFailure().autoRecoverHost() ? Optional.empty() : Optional.of(Outcome.finished());
        }
        yield "STOPPED".equals(event) ? Optional.empty() : Optional.of(Outcome.ignored(null));
      }
      case PROCESS -> "STOPPED".equals(event) ? Optional.empty() : Optional.of(Outcome.finished());
      case VM -> {
        List<String> vmEvent = List.of(event, payload.path("vir_domain_event").asText(""));
        if (!ACCEPTED_VM_EVENTS.contains(vmEvent)) {
          LOG.info("{} VM event {} needs no recovery", tag, vmEvent);
          yield Optional.of(Outcome.ignored(null));
        }
        yield Optional.empty();
      }
    };
  }

  public Optional<Notification> load(String notificationUuid) {
    return tx.call(s -> s.createQuery("from Notification n where n.notificationUuid = :u", Notification.class)
        .setParameter("u", notificationUuid).getResultStream().findFirst());
  }

  /** COMPUTE_HOST with host_status NORMAL and event STOPPED, or STARTED with auto-recovery on (see decide). */
  private Outcome computeHost(Notification n, Host h, JsonNode payload) {
    FlowContext ctx = new FlowContext(n.getNotificationUuid(), h.getUuid(), h.getName(), h.getFailoverSegmentId(),
        null, null, List.of(), null);
    if ("STARTED".equals(payload.path("event").asText(""))) {
      runner.run(ctx, List.of("recover_compute_host_task"));
      return Outcome.finished();
    }
    hosts.markFailed(h.getUuid());
    RecoveryMethod method = h.getSegment().getRecoveryMethod();
    List<String> reserved = method == RecoveryMethod.AUTO ? List.of() : hosts.reservedHostNames(h.getFailoverSegmentId())
        .stream().filter(name -> !name.equals(h.getName())).toList();
    hostFlow.recover(new FlowContext(ctx.notificationUuid(), ctx.hostUuid(), ctx.hostName(), ctx.segmentUuid(),
        null, null, reserved, null), method);
    return Outcome.finished();
  }

  /** PROCESS STOPPED (see decide): maintenance, and the process flow for nova-compute. */
  private Outcome process(Notification n, Host h, JsonNode payload, String tag) {
    hosts.setMaintenance(h.getUuid());
    String processName = payload.path("process_name").asText("");
    if (!"nova-compute".equals(processName)) {
      LOG.info("{} process {} stopped: host on maintenance, no recovery for it", tag, processName);
      return Outcome.finished();
    }
    processFlow.recover(new FlowContext(n.getNotificationUuid(), h.getUuid(), h.getName(), h.getFailoverSegmentId(),
        null, processName, List.of(), null));
    return Outcome.finished();
  }

  /** An accepted VM event (see decide): the instance flow. */
  private Outcome vm(Notification n, Host h, JsonNode payload) {
    instanceFlow.recover(new FlowContext(n.getNotificationUuid(), h.getUuid(), h.getName(), h.getFailoverSegmentId(),
        payload.path("instance_uuid").asText(null), null, List.of(), null));
    return Outcome.finished();
  }

  private static JsonNode parse(String payload) {
    try {
      return payload == null ? JSON.createObjectNode() : JSON.readTree(payload);
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
