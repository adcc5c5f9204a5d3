package org.masakari.lb.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.List;
import java.util.Optional;

/** Index, MAC and primary IPv4 of an interface, as seen from the current network namespace. */
public record NetworkInterfaceInfo(String name, int index, byte[] mac, Inet4Address primaryAddress) {

  /** The primary address is the first IPv4 address that is not one of our VIPs (keepalived's choice). */
  public static NetworkInterfaceInfo of(String name, List<Inet4Address> excluded) {
    try {
      NetworkInterface nic = NetworkInterface.getByName(name);
      if (nic == null) {
        throw new IllegalArgumentException("interface: no interface named " + name);
      }
      Optional<Inet4Address> primary = nic.getInterfaceAddresses().stream().map(InterfaceAddress::getAddress)
          .filter(a -> a instanceof Inet4Address).map(a -> (Inet4Address) a).filter(a -> !excluded.contains(a)).findFirst();
      byte[] mac = nic.getHardwareAddress();
      return new NetworkInterfaceInfo(name, nic.getIndex(), mac == null ? new byte[6] : mac,
          primary.orElseThrow(() -> new IllegalArgumentException("interface: " + name + " has no IPv4 address")));
    } catch (SocketException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static boolean isUp(String name) {
    try {
      NetworkInterface nic = NetworkInterface.getByName(name);
      return nic != null && nic.isUp();
    } catch (IOException e) {
      return false;
    }
  }
}
