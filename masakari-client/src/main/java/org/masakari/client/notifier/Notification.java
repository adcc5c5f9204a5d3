package org.masakari.client.notifier;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One notification as the upstream monitors send it. The factories build exactly the payloads of
 * the contract's catalogue (H1-H4, C1, V1, V2, P1); nothing else is ever put in a payload.
 *
 * @param generatedTime naive UTC time, formatted by {@link GeneratedTime}
 * @param payload string keys to string values, in upstream's key order
 */
public record Notification(
    NotificationType type, String hostname, LocalDateTime generatedTime, Map<String, String> payload) {

  public Notification {
    payload = Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }

  /** hostmonitor: a peer came online (H1). */
  public static Notification hostStarted(String peer, LocalDateTime at) {
    return host(peer, at, HostEvent.STARTED, ClusterStatus.ONLINE, HostStatus.NORMAL);
  }

  /** hostmonitor: a peer went offline (H2-H4); UNKNOWN when its power-off was not confirmed. */
  public static Notification hostStopped(String peer, LocalDateTime at, HostStatus status) {
    return host(peer, at, HostEvent.STOPPED, ClusterStatus.OFFLINE, status);
  }

  private static Notification host(String peer, LocalDateTime at, HostEvent event,
      ClusterStatus cluster, HostStatus status) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("event", event.name());
    p.put("cluster_status", cluster.name());
    p.put("host_status", status.name());
    return new Notification(NotificationType.COMPUTE_HOST, peer, at, p);
  }

  /** instancemonitor: a filtered libvirt event (V1), e.g. LIFECYCLE / STOPPED_FAILED. */
  public static Notification vmEvent(String hostname, LocalDateTime at, String event,
      UUID instance, String virDomainEvent) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("event", event);
    p.put("instance_uuid", instance.toString());
    p.put("vir_domain_event", virDomainEvent);
    return new Notification(NotificationType.VM, hostname, at, p);
  }

  /**
   * processmonitor: restarts exhausted (P1). Like upstream, the process name is the text after the
   * last "/" so that an absolute path becomes the nova service binary name.
   */
  public static Notification processStopped(String hostname, LocalDateTime at, String processName) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("event", HostEvent.STOPPED.name());
    p.put("process_name", processName.substring(processName.lastIndexOf('/') + 1));
    return new Notification(NotificationType.PROCESS, hostname, at, p);
  }

  /** A short identity for log lines. */
  public String describe() {
    return "type=" + type + " host=" + hostname + " payload=" + payload;
  }
}
