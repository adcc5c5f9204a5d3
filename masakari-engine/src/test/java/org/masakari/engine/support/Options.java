package org.masakari.engine.support;

import java.util.ArrayList;
import java.util.List;
import org.masakari.client.config.IniFile;
import org.masakari.engine.config.EngineOptions;

/** Engine options for tests: waits short enough for a unit test, everything else as configured. */
public final class Options {
  private Options() {}

  /** @param lines extra INI lines ("[section]" headers included) appended after the fast defaults */
  public static EngineOptions fast(String... lines) {
    List<String> all = new ArrayList<>(List.of("[DEFAULT]", "verify_interval = 0.02",
        "wait_period_after_evacuation = 5", "wait_period_after_power_off = 5", "wait_period_after_power_on = 5",
        "wait_period_after_service_update = 5", "[engine]", "poll_initial_interval = 0.005",
        "claim_heartbeat_interval = 0.2", "claim_stale_after = 1", "stale_claims_check_interval = 0.5",
        "host_busy_retry_interval = 0.05", "jdbc_job_store = false"));
    all.addAll(List.of(lines));
    // IniFile keeps the last value of an option, so callers' lines override the fast defaults
    return EngineOptions.from(IniFile.parse(null, all));
  }
}
