package org.masakari.launcher.demo;

/**
 * Upstream Masakari's host-failure timing with its defaults, computed from the same Nova as a benchmark run
 * (contract §5.3, §5.9): disable the compute service (2 calls: list, disable) then sleep
 * {@code wait_period_after_service_update} = 180 s; list the host's servers (1 call); then a pool of
 * {@code host_failure_recovery_threads} = 3 workers, each instance: get, lock, evacuate, confirm by polling
 * every {@code verify_interval} = 1 s (a get each) until it runs ACTIVE elsewhere, unlock. Each notification
 * runs its own flow (the RPC executor has 64 threads), so a rack of hosts recovers in parallel, with Nova
 * assumed to keep its latency under that load.
 *
 * @param callSeconds Nova's answer time per API call
 * @param rebuildSeconds time from an accepted evacuate to ACTIVE on the new host
 */
record UpstreamDefaultsModel(double callSeconds, double rebuildSeconds) {
  static final double SERVICE_UPDATE_WAIT = 180;
  static final int THREADS = 3;
  static final double VERIFY_INTERVAL = 1;

  /** Time from the notification to the first accepted evacuate call (the call lands after its latency). */
  double firstEvacuate() {
    return 2 * callSeconds + SERVICE_UPDATE_WAIT + callSeconds + 2 * callSeconds + callSeconds;
  }

  /** A worker's time per instance: get, lock, evacuate, the confirmation polls, unlock. */
  double perInstance() {
    double period = Math.max(VERIFY_INTERVAL, callSeconds);
    double confirm = Math.ceil(Math.max(rebuildSeconds - callSeconds, 0) / period) * period + callSeconds;
    return 3 * callSeconds + confirm + callSeconds;
  }

  double lastEvacuate(int instancesPerHost) {
    return firstEvacuate() + (Math.ceil(instancesPerHost / (double) THREADS) - 1) * perInstance();
  }

  double allActive(int instancesPerHost) {
    return lastEvacuate(instancesPerHost) + rebuildSeconds;
  }
}
