package org.masakari.core.service;

/** Validated fields of a host create or update; null means "not given". */
public record HostChanges(String name, String type, String controlAttributes, Boolean reserved,
    Boolean onMaintenance) {}
