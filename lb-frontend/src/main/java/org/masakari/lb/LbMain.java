package org.masakari.lb;

import picocli.CommandLine;

/** Stand-alone entry point (tests, benches): the same command as {@code masakari lb}. */
public final class LbMain {
  private LbMain() {}

  public static void main(String[] args) {
    System.exit(new CommandLine(new LbCommand()).execute(args));
  }
}
