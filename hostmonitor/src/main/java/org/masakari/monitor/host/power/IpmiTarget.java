package org.masakari.monitor.host.power;

/** How to reach one host's BMC; upstream reads these from the CIB's external/ipmi primitive. */
public record IpmiTarget(String hostname, String ipaddr, String userid, String passwd, String iface) {
  @Override
  public String toString() {
    return "IpmiTarget[" + hostname + " " + ipaddr + " user " + userid + " -I " + iface + "]"; // no password
  }
}
