package org.masakari.engine.processing;

/** What the claim of a notification found. */
public enum ClaimResult {
  /** Ours now: it was new (first attempt). */
  CLAIMED_NEW,
  /** Ours now: it was error (the one automatic retry). */
  CLAIMED_RETRY,
  /** Ours now: it was running under a dead engine's claim; resume it. */
  TAKEN_OVER,
  /**
   * Settled by its content alone (no flow to run): the claim stored the final status itself, without
   * holding the host (see NotificationDispatcher.decide).
   */
  DECIDED,
  /** Another notification of the same host is running; try again later. */
  HOST_BUSY,
  /** Nothing to do: finished, ignored, failed, or running under a live claim (a duplicate message). */
  NOTHING_TO_DO
}
