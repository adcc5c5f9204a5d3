package org.masakari.client.notifier;

/** {@code payload.cluster_status} of COMPUTE_HOST notifications. */
public enum ClusterStatus {
  ONLINE,
  OFFLINE
}
