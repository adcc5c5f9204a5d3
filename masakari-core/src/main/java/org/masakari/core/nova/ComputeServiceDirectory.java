package org.masakari.core.nova;

/**
 * What the API asks Nova: does a nova-compute service with exactly this host name exist?
 * Implementations may block; callers run them on a worker pool.
 */
public interface ComputeServiceDirectory {
  /**
   * @throws org.masakari.core.fault.NovaUnavailable when Nova cannot be asked
   */
  boolean computeServiceExists(String host);

  /** For clouds without Nova access: every name is accepted (logged once at start-up). */
  static ComputeServiceDirectory acceptAll() {
    return host -> true;
  }
}
