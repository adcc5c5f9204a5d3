package org.masakari.engine.tasks;

import org.masakari.engine.config.EngineOptions;
import org.masakari.engine.nova.NovaPort;
import org.masakari.engine.poll.Poller;

/** What a task may use; handed to every {@link RecoveryTaskProvider}, built-in or operator-supplied. */
public record TaskDependencies(NovaPort nova, EngineOptions options, Poller poller, VMoveStore vmoves,
    HostStore hosts) {}
