package org.masakari.client.notifier;

/**
 * {@code payload.host_status} of COMPUTE_HOST notifications. The engine only evacuates on NORMAL:
 * UNKNOWN says "the host looks down but its power-off was not confirmed".
 */
public enum HostStatus {
  NORMAL,
  UNKNOWN
}
