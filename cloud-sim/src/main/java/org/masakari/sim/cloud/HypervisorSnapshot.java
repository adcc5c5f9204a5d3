package org.masakari.sim.cloud;

/** A hypervisor (compute node) at one instant, with its usage summed from its servers. */
public record HypervisorSnapshot(
    int id,
    String uuid,
    String hostname,
    String hostIp,
    ServiceSnapshot service,
    int vcpus,
    int memoryMb,
    int diskGb,
    int runningVms,
    int vcpusUsed,
    int memoryMbUsed,
    int diskGbUsed) {}
