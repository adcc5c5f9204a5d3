package org.masakari.core.queue;

/** What travels on the work queue: enough to claim the notification and to order work per host. */
public record WorkItem(String notificationUuid, String sourceHostUuid, String type) {}
