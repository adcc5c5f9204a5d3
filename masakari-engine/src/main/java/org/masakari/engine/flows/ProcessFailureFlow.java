package org.masakari.engine.flows;

import org.masakari.engine.config.RecoveryFlowOptions;
import org.masakari.engine.tasks.FlowContext;

/** Process failure (contract §5.5): disable the nova-compute service → confirm disabled, by default. */
public final class ProcessFailureFlow {
  private final FlowRunner runner;
  private final RecoveryFlowOptions flows;

  public ProcessFailureFlow(FlowRunner runner, RecoveryFlowOptions flows) {
    this.runner = runner;
    this.flows = flows;
  }

  public void recover(FlowContext ctx) {
    runner.run(ctx, flows.process().ordered());
  }
}
