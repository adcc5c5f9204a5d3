package org.masakari.core.fault;

/** Nova could not be asked (unreachable, auth failure, 5xx). Upstream answers 500 here. */
public final class NovaUnavailable extends Fault {
  public NovaUnavailable(String message) {
    super(503, message);
  }
}
