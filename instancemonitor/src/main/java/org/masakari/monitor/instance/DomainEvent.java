package org.masakari.monitor.instance;

import java.time.LocalDateTime;

/**
 * One libvirt domain event as upstream's filter sees it: event id, "type" and "detail" with -1
 * where the event has none (contract §3.2), plus the domain uuid and when it was received.
 */
record DomainEvent(int eventId, int type, int detail, String uuid, LocalDateTime receivedAt) {
  static final int NONE = -1;
}
