package org.masakari.lb.balancer;

/** No server could take the request: all down, all tried, or the queue timed out. Maps to 503. */
public final class NoServerAvailableException extends RuntimeException {
  public NoServerAvailableException(String message) {
    super(message, null, false, false);
  }
}
