package org.masakari.launcher.demo;

import java.util.List;
import org.masakari.sim.scenario.Scenario;

/**
 * A simulated cloud and the Masakari segment over it: the demo's ({@link DemoScenario#layout()}) or a
 * bigger one for the MTTR benchmark.
 *
 * @param reservedHost the segment's reserved host (its nova-compute starts disabled), or null
 */
public record CloudLayout(Scenario scenario, String segment, List<String> computeHosts, String reservedHost) {
  public CloudLayout {
    computeHosts = List.copyOf(computeHosts);
  }
}
