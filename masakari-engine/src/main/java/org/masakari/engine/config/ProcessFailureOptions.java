package org.masakari.engine.config;

import org.masakari.client.config.Section;

/** {@code [process_failure]}. */
public record ProcessFailureOptions(String serviceDisableReason) {
  public static final String DEFAULT_DISABLE_REASON = "Masakari detected process failed.";

  static ProcessFailureOptions from(Section s) {
    return new ProcessFailureOptions(s.string("service_disable_reason", DEFAULT_DISABLE_REASON));
  }
}
