package org.masakari.sim.cloud;

import java.util.ArrayList;
import java.util.List;

/** A compute host: its nova-compute service, its hypervisor and whether it has failed. */
final class SimHost {
  final String name;
  final int hypervisorId;
  final String hypervisorUuid;
  final String hostIp;
  final int vcpus;
  final int memoryMb;
  final int diskGb;
  final ComputeService service;
  boolean failed;
  /** Work a dead compute cannot do yet; a real one would find it on its queue after restart. */
  final List<Runnable> parked = new ArrayList<>();

  SimHost(String name, int hypervisorId, String hypervisorUuid, String hostIp, ComputeService service) {
    this.name = name;
    this.hypervisorId = hypervisorId;
    this.hypervisorUuid = hypervisorUuid;
    this.hostIp = hostIp;
    this.vcpus = 64;
    this.memoryMb = 262144;
    this.diskGb = 2048;
    this.service = service;
  }
}
