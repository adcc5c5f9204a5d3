package org.masakari.lb.vrrp;

/**
 * The three states of RFC 5798 §6.4 (RFC 3768 §6.4 names them the same way), plus keepalived's
 * FAULT: a tracked object with weight 0 failed, so this node must not be MASTER and resigns with a
 * priority-0 advert (the backup then takes over in Skew_Time instead of Master_Down_Interval).
 */
public enum VrrpState {
  INITIALIZE,
  BACKUP,
  MASTER,
  FAULT
}
