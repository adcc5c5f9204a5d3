package org.masakari.engine.tasks;

import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.ComputeServiceCache;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.poll.Poller;

/**
 * What a task may use; handed to every {@link RecoveryTaskProvider}, built-in or operator-supplied.
 *
 * @param services the nova-compute services the engine knows, so that a failed host is forced down in one call
 */
public record TaskDependencies(NovaPort nova, EngineOptions options, Poller poller, VMoveStore vmoves,
    HostStore hosts, ComputeServiceCache services) {
  public TaskDependencies(NovaPort nova, EngineOptions options, Poller poller, VMoveStore vmoves, HostStore hosts) {
    this(nova, options, poller, vmoves, hosts, new ComputeServiceCache(nova));
  }
}
