package org.masakari.client.keystone;

import java.util.Locale;

/** Which catalog endpoint to use: keystoneauth's interface names, option {@code [api] api_interface}. */
public enum EndpointInterface {
  PUBLIC,
  INTERNAL,
  ADMIN;

  /** The name as it appears in the option and in the Keystone catalog. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static EndpointInterface parse(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT));
  }
}
