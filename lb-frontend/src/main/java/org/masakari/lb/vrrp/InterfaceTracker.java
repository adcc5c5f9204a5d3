package org.masakari.lb.vrrp;

import org.masakari.lb.net.NetworkInterfaceInfo;

/** Healthy while the interface is up and running (carrier). */
public record InterfaceTracker(String interfaceName, int weight) implements PriorityTracker {
  @Override
  public boolean healthy() {
    return NetworkInterfaceInfo.isUp(interfaceName);
  }

  @Override
  public String describe() {
    return "interface " + interfaceName;
  }
}
