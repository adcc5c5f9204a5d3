package org.masakari.lb.netns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.masakari.lb.testsupport.NetnsLab;
import org.masakari.lb.testsupport.VipWatch;

/**
 * Our speaker in one VRID with real keepalived (Debian package), v3 and v2: we preempt a lower
 * keepalived, keepalived takes over when we stop (priority 0) and when we die (SIGKILL, VIP removed
 * by the stop hook as a service manager would), and never are both MASTER.
 */
class KeepalivedInteropNetnsTest extends NetnsTestBase {

  @ParameterizedTest(name = "VRRPv{0} advert_int {1} auth {2}")
  @CsvSource({"3, 0.1, ", "2, 1, ", "2, 1, s3cr3t"})
  @Timeout(150)
  void takeOverFromKeepalivedAndHandBack(int version, String advertInt, String authPass) throws Exception {
    String auth = authPass == null ? "" : "    authentication: {auth_type: PASS, auth_pass: " + authPass + "}\n";
    double interval = Double.parseDouble(advertInt);
    long mdiMs = (long) (1000 * (3 * interval + interval)) + 1000;
    try (NetnsLab lab = new NetnsLab(2)) {
      lab.startKeepalived("n1", version, advertInt, 100, authPass);
      try (VipWatch watch = new VipWatch(lab)) {
        assertThat(watch.awaitOnly("n1", 10_000)).as("keepalived MASTER").isTrue();

        // ours with priority 150 preempts keepalived
        Process ours = lab.startLb("n2", speaker("VI_1", version, advertInt, 150, auth));
        assertThat(watch.awaitOnly("n2", 15_000 + mdiMs)).as("we take over\n" + lab.lbLog("n2")).isTrue();
        assertThat(lab.keepalivedLog("n1")).contains("higher priority 150");

        // graceful stop: priority 0, keepalived takes over in its skew time
        ours.destroy();
        assertThat(watch.awaitOnly("n1", 3_000)).as("keepalived after our priority 0").isTrue();
        assertThat(lab.keepalivedLog("n1")).contains("priority 0");

        // again, then die hard: keepalived takes over after its Master_Down_Interval
        Process again = lab.startLb("n2", speaker("VI_1", version, advertInt, 150, auth));
        assertThat(watch.awaitOnly("n2", 15_000 + mdiMs)).as("we take over again").isTrue();
        again.destroyForcibly();
        again.waitFor();
        lab.removeVip("n2"); // ExecStopPost of the unit: SIGKILL cannot run our clean-up
        assertThat(watch.awaitOnly("n1", mdiMs + 2_000)).as("keepalived after our crash").isTrue();

        assertThat(watch.doubleMasters()).as("double MASTER\n--- keepalived n1:\n" + lab.keepalivedLog("n1")
            + "\n--- ours n2:\n" + lab.lbLog("n2")).isEmpty();
        String ka = lab.keepalivedLog("n1");
        assertThat(ka).doesNotContainIgnoringCase("invalid").doesNotContainIgnoringCase("mismatch")
            .doesNotContain("not present in MASTER advert").doesNotContain("unexpected ip number count");
        assertThat(lab.lbLog("n2")).doesNotContain("dropped advert");
      }
    }
  }
}
