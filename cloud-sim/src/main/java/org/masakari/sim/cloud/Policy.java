package org.masakari.sim.cloud;

/** Nova's legacy default policies (Zed, enforce_new_defaults off): admin-only rules named as Nova names them. */
final class Policy {
  private Policy() {}

  static void requireAdmin(Caller caller, String rule) {
    if (!caller.admin()) {
      throw CloudException.forbidden("Policy doesn't allow " + rule + " to be performed.");
    }
  }
}
