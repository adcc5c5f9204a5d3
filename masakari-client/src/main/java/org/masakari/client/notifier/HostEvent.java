package org.masakari.client.notifier;

/** {@code payload.event} of COMPUTE_HOST and PROCESS notifications. */
public enum HostEvent {
  STARTED,
  STOPPED
}
