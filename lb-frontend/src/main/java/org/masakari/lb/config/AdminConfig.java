package org.masakari.lb.config;

import java.nio.file.Path;

/**
 * Where the runtime API and stats listen: an HTTP port, a Unix socket, both or neither. The API has no
 * authentication of its own; the socket's file mode (HAProxy's {@code stats socket ... mode 600}) is what
 * keeps other local users out, which a loopback port cannot do.
 *
 * @param address {@code host:port}, or null for none
 * @param socket path of the Unix socket, or null for none
 * @param socketMode permission bits given to the socket file
 */
public record AdminConfig(HostPort address, Path socket, int socketMode) {
  public static final int DEFAULT_SOCKET_MODE = 0600;
  public static final AdminConfig NONE = new AdminConfig(null, null, DEFAULT_SOCKET_MODE);

  public boolean enabled() {
    return address != null || socket != null;
  }

  static AdminConfig read(Section global) {
    HostPort address = global.has("admin") ? global.check("admin", () -> HostPort.parse(global.string("admin", ""))) : null;
    Path socket = global.has("admin_socket") ? global.check("admin_socket", () -> socketPath(global.string("admin_socket", ""))) : null;
    int mode = global.has("admin_socket_mode")
        ? global.check("admin_socket_mode", () -> octalMode(global.string("admin_socket_mode", "")))
        : DEFAULT_SOCKET_MODE;
    return new AdminConfig(address, socket, mode);
  }

  private static Path socketPath(String text) {
    Path p = Path.of(text);
    if (!p.isAbsolute()) {
      throw new IllegalArgumentException("must be an absolute path, got \"" + text + "\"");
    }
    // sun_path holds 108 bytes including the terminating NUL, and the socket is bound as "<path>.new" first
    if (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 103) {
      throw new IllegalArgumentException("longer than 103 bytes (a Unix socket path has at most 107, and it is bound as <path>.new first)");
    }
    return p;
  }

  /** "600" or "0600" (octal, as in HAProxy and chmod). */
  static int octalMode(String text) {
    if (!text.matches("0?[0-7]{3}")) {
      throw new IllegalArgumentException("expected an octal file mode such as 0600 or 660, got \"" + text + "\"");
    }
    return Integer.parseInt(text, 8);
  }
}
