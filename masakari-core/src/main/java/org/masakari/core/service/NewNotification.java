package org.masakari.core.service;

import java.time.LocalDateTime;
import java.util.Map;
import org.masakari.core.domain.NotificationType;

/** A validated notification create request. */
public record NewNotification(NotificationType type, String hostname, LocalDateTime generatedTime,
    Map<String, String> payload) {}
