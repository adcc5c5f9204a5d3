package org.masakari.client.keystone;

/**
 * The keystoneauth plugins we understand ({@code [api] auth_type}). {@code password} (and its
 * explicit form {@code v3password}) authenticates against Keystone v3; {@code none} sends no token
 * to a fixed {@code [api] endpoint}, as keystoneauth's none plugin does.
 */
public enum AuthType {
  PASSWORD,
  NONE;

  public static AuthType parse(String value) {
    return switch (value.strip()) {
      case "password", "v3password" -> PASSWORD;
      case "none", "noauth" -> NONE;
      default -> throw new IllegalArgumentException(
          "'" + value + "' is not supported (use password, v3password or none)");
    };
  }
}
