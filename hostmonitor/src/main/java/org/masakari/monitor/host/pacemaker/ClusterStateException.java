package org.masakari.monitor.host.pacemaker;

/** The cluster state could not be read; the cycle is skipped and no held status changes. */
final class ClusterStateException extends RuntimeException {
  ClusterStateException(String message) {
    super(message);
  }
}
