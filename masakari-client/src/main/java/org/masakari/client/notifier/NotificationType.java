package org.masakari.client.notifier;

/** The {@code notification.type} values of the upstream API. */
public enum NotificationType {
  COMPUTE_HOST,
  VM,
  PROCESS
}
