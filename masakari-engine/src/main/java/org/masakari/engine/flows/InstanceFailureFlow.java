package org.masakari.engine.flows;

import org.masakari.engine.config.RecoveryFlowOptions;
import org.masakari.engine.tasks.FlowContext;

/** Instance failure (contract §5.4): stop → start → confirm active, by default. */
public final class InstanceFailureFlow {
  private final FlowRunner runner;
  private final RecoveryFlowOptions flows;

  public InstanceFailureFlow(FlowRunner runner, RecoveryFlowOptions flows) {
    this.runner = runner;
    this.flows = flows;
  }

  public void recover(FlowContext ctx) {
    runner.run(ctx, flows.instance().ordered());
  }
}
