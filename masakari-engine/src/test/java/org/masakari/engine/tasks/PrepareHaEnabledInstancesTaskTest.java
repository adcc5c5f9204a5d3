package org.masakari.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.masakari.core.domain.VMove;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TaskHarness;

class PrepareHaEnabledInstancesTaskTest {
  private static TaskHarness h;

  @org.junit.jupiter.api.BeforeAll
  static void start() {
    h = new TaskHarness();
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void haEnabledFirstThenTheRestWithOnePendingVmoveEach() {
    {
      h.reset(Options.fast());
      h.nova.serversOnHost("h1", NovaStub.server("plain-1", "h1", "active", null, false),
          NovaStub.server("ha-1", "h1", "active", null, true));
      new PrepareHaEnabledInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.db.vmoves(h.notification)).extracting(VMove::getInstanceUuid).containsExactly("ha-1", "plain-1");
      assertThat(h.db.vmoves(h.notification)).allSatisfy(v -> {
        assertThat(v.getStatus()).isEqualTo("pending");
        assertThat(v.getType()).isEqualTo("evacuation");
        assertThat(v.getSourceHost()).isEqualTo("h1");
      });
      assertThat(h.progress).containsExactly(0.0, 0.3, 0.6, 0.7, 0.8, 1.0);
    }
  }

  @Test
  void onlyHaEnabledWhenEvacuateAllIsOffAndErrorInstancesIgnoredOnRequest() {
    {
      h.reset(Options.fast("[host_failure]", "evacuate_all_instances = false",
        "ignore_instances_in_error_state = true"));
      h.nova.serversOnHost("h1", NovaStub.server("plain-1", "h1", "active", null, false),
          NovaStub.server("ha-err", "h1", "error", null, true), NovaStub.server("ha-1", "h1", "active", null, true));
      new PrepareHaEnabledInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.db.vmoves(h.notification)).extracting(VMove::getInstanceUuid).containsExactly("ha-1");
      assertThat(h.messages).contains("Ignoring recovery of instance 'ha-err' as it is in 'error' state.");
    }
  }

  @Test
  void noInstancesMeansSkipped() {
    {
      h.reset(Options.fast());
      h.nova.serversOnHost("h1");
      assertThatThrownBy(() -> new PrepareHaEnabledInstancesTask(h.deps).execute(h.hostContext(), h.progress()))
          .isInstanceOf(RecoverySkipped.class);
      assertThat(h.db.vmoves(h.notification)).isEmpty();
    }
  }

  @Test
  void aSecondAttemptReusesTheRowsInsteadOfDuplicatingThem() {
    {
      h.reset(Options.fast());
      h.nova.serversOnHost("h1", NovaStub.server("ha-1", "h1", "active", null, true));
      new PrepareHaEnabledInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      VMove first = h.db.vmoves(h.notification).get(0);
      h.deps.vmoves().markFailed(first.getUuid(), "Conflict");
      new PrepareHaEnabledInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.db.vmoves(h.notification)).singleElement().satisfies(v -> {
        assertThat(v.getUuid()).isEqualTo(first.getUuid());
        assertThat(v.getStatus()).isEqualTo("pending");
        assertThat(v.getMessage()).isNull();
      });
    }
  }
}
