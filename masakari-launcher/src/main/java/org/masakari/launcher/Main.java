package org.masakari.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code bin/masakari}: one subcommand per daemon or tool. */
@Command(
    name = "masakari",
    mixinStandardHelpOptions = true,
    version = "masakari (Java) 0.1.0",
    description = "Instance high availability for OpenStack: API, engine, monitors, load balancer.")
public final class Main implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.err);
  }

  /** All subcommands, registered in one place. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    Subcommands.register(cl);
    cl.setExecutionExceptionHandler((ex, line, parse) -> {
      // configuration and start-up problems are the operator's to fix: one clear line, non-zero exit
      if (ex instanceof org.masakari.client.config.ConfigException || ex instanceof IllegalStateException
          || ex instanceof IllegalArgumentException) {
        line.getErr().println("masakari: " + ex.getMessage());
        return 2;
      }
      throw ex;
    });
    return cl;
  }

  public static void main(String[] args) {
    int rc = commandLine().execute(args);
    if (rc != 0 || !Daemon.isRunning()) {
      System.exit(rc);
    }
  }
}
