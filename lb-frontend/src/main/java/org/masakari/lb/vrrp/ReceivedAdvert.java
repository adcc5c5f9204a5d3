package org.masakari.lb.vrrp;

import java.net.Inet4Address;

/** The verdict of the receive check and, when the packet could be read, what it carried. */
public record ReceivedAdvert(ReceiveVerdict verdict, Inet4Address source, int ttl, VrrpAdvert advert, String detail) {
  public boolean accepted() {
    return verdict == ReceiveVerdict.OK;
  }
}
