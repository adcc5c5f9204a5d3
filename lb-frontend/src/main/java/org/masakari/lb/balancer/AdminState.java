package org.masakari.lb.balancer;

/** What the operator set through the runtime API (health is tracked apart, by the checks). */
public enum AdminState {
  /** takes traffic when healthy */
  READY,
  /** no new connections or requests; existing ones finish */
  DRAIN,
  /** disabled: no traffic, no checks */
  MAINT
}
