package org.masakari.launcher;

import picocli.CommandLine;

/** The one place where subcommands are registered. Each module ships its own picocli command. */
final class Subcommands {
  private Subcommands() {}

  static void register(CommandLine cl) {
    // core subcommands (api, db, aio, engine) and module commands (sim, lb, monitors) are added here
  }
}
