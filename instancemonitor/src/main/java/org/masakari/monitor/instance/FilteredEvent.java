package org.masakari.monitor.instance;

/** What goes into the VM payload: {@code event} and {@code vir_domain_event}. */
record FilteredEvent(String event, String virDomainEvent) {}
