package org.masakari.lb.vrrp;

/**
 * What the state machine asks of the outside world. The driver maps MASTER entry/exit to VIP
 * add/remove, gratuitous ARP and notify hooks; tests record the calls.
 */
public interface VrrpActions {
  /** Send one ADVERTISEMENT carrying {@code priority} (0 = this master is leaving). */
  void sendAdvert(int priority);

  void transition(VrrpState from, VrrpState to, String reason);
}
