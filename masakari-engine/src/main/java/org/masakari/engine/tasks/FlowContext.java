package org.masakari.engine.tasks;

import java.util.List;

/**
 * What a flow knows, the equivalent of upstream's flow store: tasks read the values they need by name
 * ({@code host_name}, {@code notification_uuid}, {@code instance_uuid}, {@code process_name},
 * {@code reserved_host_list}, {@code reserved_host}).
 *
 * @param hostName the failed host (host flow), the instance's host (instance flow), the process' host
 * @param reservedHost the reserved host of the current attempt of a reserved-host flow, else null
 * @param hostServers the failed host's server list, shared by the tasks (and attempts) of one recovery
 */
public record FlowContext(String notificationUuid, String hostUuid, String hostName, String segmentUuid,
    String instanceUuid, String processName, List<String> reservedHostList, String reservedHost,
    HostServers hostServers) {
  public FlowContext {
    reservedHostList = reservedHostList == null ? List.of() : List.copyOf(reservedHostList);
    hostServers = hostServers == null ? new HostServers() : hostServers;
  }

  public FlowContext(String notificationUuid, String hostUuid, String hostName, String segmentUuid,
      String instanceUuid, String processName, List<String> reservedHostList, String reservedHost) {
    this(notificationUuid, hostUuid, hostName, segmentUuid, instanceUuid, processName, reservedHostList, reservedHost,
        new HostServers());
  }

  public FlowContext withReservedHost(String host) {
    return new FlowContext(notificationUuid, hostUuid, hostName, segmentUuid, instanceUuid, processName,
        reservedHostList, host, hostServers);
  }

  /** The log prefix every line of a flow carries. */
  public String tag() {
    return "[notification=" + notificationUuid + "] [host=" + hostName + "]"
        + (instanceUuid == null ? "" : " [instance=" + instanceUuid + "]");
  }
}
