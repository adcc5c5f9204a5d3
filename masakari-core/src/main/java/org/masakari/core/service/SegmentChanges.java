package org.masakari.core.service;

import org.masakari.core.domain.RecoveryMethod;

/**
 * Validated fields of a segment create or update; null means "not given". {@code descriptionSet}
 * distinguishes an explicit null description from an absent one.
 */
public record SegmentChanges(String name, boolean descriptionSet, String description,
    RecoveryMethod recoveryMethod, String serviceType, Boolean enabled) {}
