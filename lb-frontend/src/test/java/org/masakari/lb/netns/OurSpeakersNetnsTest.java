package org.masakari.lb.netns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.masakari.lb.testsupport.NetnsLab;
import org.masakari.lb.testsupport.VipWatch;

/** Three of our speakers (VRRPv3, 0.1 s adverts): election, tracking, link loss, graceful stop. */
class OurSpeakersNetnsTest extends NetnsTestBase {

  @Test
  @Timeout(120)
  void electionTrackingLinkLossAndGracefulStop() throws Exception {
    try (NetnsLab lab = new NetnsLab(3)) {
      Path flag = lab.stateDir().resolve("n1-healthy");
      Files.writeString(flag, "ok");
      lab.startLb("n1", speaker("VI_1", 3, "0.1", 150,
          "    track_script: [{script: \"test -f " + flag + "\", interval: 0.1, weight: -80}]\n"));
      Process n2 = lab.startLb("n2", speaker("VI_1", 3, "0.1", 100,
          "    track_interface: [{name: eth0, weight: 0}]\n"));
      lab.startLb("n3", speaker("VI_1", 3, "0.1", 50, ""));
      try (VipWatch watch = new VipWatch(lab)) {
        assertThat(watch.awaitOnly("n1", 20_000)).as("n1 (150) elected; logs:\n" + lab.lbLog("n1")).isTrue();
        for (String n : new String[] {"n2", "n3"}) {
          long end = System.currentTimeMillis() + 20_000;
          while (!lab.lbLog(n).contains("INITIALIZE -> BACKUP") && System.currentTimeMillis() < end) {
            Thread.sleep(50);
          }
        }
        // JVMs start at different speeds, so an early node may be MASTER for a moment; once all three
        // run, the election must settle on n1 and stay there (ten adverts, no transition anywhere)
        assertThat(watch.awaitOnly("n1", 5_000)).isTrue();
        // state transitions only: other log lines (start-up of a slow JVM, stats) may still arrive
        String before = transitions(lab.lbLog("n1") + lab.lbLog("n2") + lab.lbLog("n3"));
        Thread.sleep(1000);
        assertThat(lab.vipHolders()).containsExactly("n1");
        assertThat(transitions(lab.lbLog("n1") + lab.lbLog("n2") + lab.lbLog("n3"))).isEqualTo(before);
        // from here on every hand-over is between running, warm speakers: none may leave two MASTERs
        watch.forgetStartup();

        // tracking: n1 drops to 70, n2 (100) preempts after its Master_Down_Interval
        Files.delete(flag);
        assertThat(watch.awaitOnly("n2", 5_000)).as("n2 preempts n1 at priority 70\n" + lab.lbLog("n2")).isTrue();

        // link loss on n2: its eth0 tracking puts it in FAULT (VIP removed), n1 (70) beats n3 (50)
        lab.linkDown("n2");
        assertThat(watch.awaitOnly("n1", 5_000)).as("n1 takes over from the isolated n2\n" + lab.lbLog("n2")).isTrue();
        assertThat(lab.lbLog("n2")).contains("FAULT");

        // n2 back: it preempts n1 again
        lab.linkUp("n2");
        assertThat(watch.awaitOnly("n2", 5_000)).as("n2 back as MASTER").isTrue();

        // graceful stop of n2: priority 0, n1 takes over in skew time
        long t0 = System.nanoTime();
        n2.destroy();
        assertThat(watch.awaitOnly("n1", 3_000)).isTrue();
        long takeoverMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(lab.lbLog("n2")).contains("sent advert priority 0");
        // skew for priority 70 at 0.1 s is 72 ms; 3·0.1 s + skew would be 372 ms
        assertThat(takeoverMs).as("takeover after priority 0").isLessThan(350);

        assertThat(watch.doubleMasters()).as("double MASTER seen in two consecutive rounds").isEmpty();
        // n1 and n2 were MASTER and left it: their VIP went away through rtnetlink, not the ip fallback
        assertThat(lab.lbLog("n1") + lab.lbLog("n2")).contains("VIP 10.99.0.10/24 removed");
        assertThat(watch.rounds()).isGreaterThan(50);
        for (String n : new String[] {"n1", "n2", "n3"}) {
          assertThat(lab.lbLog(n)).doesNotContain("dropped advert").doesNotContain("Exception")
              .doesNotContain("using ip addr");
        }
      }
    }
  }

  private static String transitions(String logs) {
    StringBuilder sb = new StringBuilder();
    for (String line : logs.split("\n")) {
      if (line.contains(" -> ")) {
        sb.append(line).append('\n');
      }
    }
    return sb.toString();
  }
}
