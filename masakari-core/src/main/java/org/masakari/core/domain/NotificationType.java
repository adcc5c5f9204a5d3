package org.masakari.core.domain;

/** Notification types as sent by the monitors. */
public enum NotificationType {
  COMPUTE_HOST, VM, PROCESS
}
