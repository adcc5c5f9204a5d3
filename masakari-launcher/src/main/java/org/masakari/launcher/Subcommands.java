package org.masakari.launcher;

import picocli.CommandLine;

/** The one place where subcommands are registered. Each module ships its own picocli command. */
final class Subcommands {
  private Subcommands() {}

  static void register(CommandLine cl) {
    cl.addSubcommand(new ApiCommand());
    cl.addSubcommand(new EngineCommand());
    cl.addSubcommand(new DbCommand());
    cl.addSubcommand(new AioCommand());
    cl.addSubcommand(new WatchCommand());
    cl.addSubcommand(new org.masakari.monitor.process.ProcessMonitorCommand());
    cl.addSubcommand(new org.masakari.monitor.instance.InstanceMonitorCommand());
    cl.addSubcommand(new org.masakari.monitor.host.HostMonitorCommand());
    cl.addSubcommand(new org.masakari.sim.SimCommand());
    cl.addSubcommand(new org.masakari.lb.LbCommand());
    cl.addSubcommand(new CdsTrainingCommand());
  }
}
