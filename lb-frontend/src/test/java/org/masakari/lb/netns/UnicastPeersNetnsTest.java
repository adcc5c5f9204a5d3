package org.masakari.lb.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.masakari.lb.testsupport.NetnsLab;
import org.masakari.lb.testsupport.VipWatch;

/** Two of our speakers with unicast peers instead of 224.0.0.18 (v3 checksum over the peer address). */
class UnicastPeersNetnsTest extends NetnsTestBase {
  @Test
  @Timeout(90)
  void unicastElectionAndGracefulHandover() throws Exception {
    try (NetnsLab lab = new NetnsLab(2)) {
      Process n1 = lab.startLb("n1", speaker("VI_1", 3, "0.1", 150,
          "    unicast_src_ip: 10.99.0.11\n    unicast_peer: [10.99.0.12]\n"));
      lab.startLb("n2", speaker("VI_1", 3, "0.1", 100, "    unicast_src_ip: 10.99.0.12\n    unicast_peer: [10.99.0.11]\n"));
      try (VipWatch watch = new VipWatch(lab)) {
        assertThat(watch.awaitOnly("n1", 20_000)).as("n1 elected\n" + lab.lbLog("n1")).isTrue();
        long end = System.currentTimeMillis() + 20_000;
        while (!lab.lbLog("n2").contains("INITIALIZE -> BACKUP") && System.currentTimeMillis() < end) {
          Thread.sleep(50);
        }
        assertThat(watch.awaitOnly("n1", 5_000)).isTrue();
        String before = lab.lbLog("n2");
        Thread.sleep(1000);
        assertThat(lab.lbLog("n2")).as("n2 hears n1's unicast adverts and stays BACKUP").isEqualTo(before);
        n1.destroy();
        assertThat(watch.awaitOnly("n2", 3_000)).as("n2 after n1's priority 0").isTrue();
        assertThat(watch.doubleMasters()).isEmpty();
        assertThat(lab.lbLog("n1") + lab.lbLog("n2")).doesNotContain("dropped advert");
      }
    }
  }
}
