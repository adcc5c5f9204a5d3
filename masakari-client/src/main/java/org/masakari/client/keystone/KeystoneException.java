package org.masakari.client.keystone;

/** Keystone could not be reached, refused the credentials, or its catalog lacks instance-ha. */
public final class KeystoneException extends RuntimeException {
  public KeystoneException(String message) {
    super(message);
  }

  public KeystoneException(String message, Throwable cause) {
    super(message, cause);
  }
}
