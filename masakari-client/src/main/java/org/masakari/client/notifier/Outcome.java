package org.masakari.client.notifier;

/** What finally happened to one notification. */
public enum Outcome {
  /** 2xx from the API. */
  DELIVERED,
  /** 400 or 409: the API will never accept it (unknown host, duplicate, maintenance). Not retried. */
  REJECTED,
  /** Every attempt failed; the notification is lost, as upstream loses it. */
  DROPPED
}
