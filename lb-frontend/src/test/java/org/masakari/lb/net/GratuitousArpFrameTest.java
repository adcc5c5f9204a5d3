package org.masakari.lb.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.masakari.lb.testsupport.Pcap;

/** Our GARP frame equals keepalived's, byte for byte, for every GARP in the failover captures. */
class GratuitousArpFrameTest {
  @Test
  void equalsKeepalivedGarpInBothCaptures() throws Exception {
    int compared = 0;
    for (String file : List.of("vrrpv3-failover-term.pcap", "vrrpv2-failover-term.pcap")) {
      for (Pcap.Frame f : Pcap.read(file)) {
        if (f.etherType() != 0x0806) {
          continue;
        }
        byte[] onWire = Arrays.copyOf(f.ethernet(), 42);
        byte[] mac = Arrays.copyOfRange(onWire, 6, 12);
        Inet4Address vip = (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(onWire, 28, 32));
        assertThat(vip.getHostAddress()).isEqualTo("10.99.0.10");
        assertThat(GratuitousArpSender.frame(mac, vip)).isEqualTo(onWire);
        compared++;
      }
    }
    assertThat(compared).as("GARPs in the captures (2 bursts of 5 per file)").isGreaterThanOrEqualTo(10);
  }
}
