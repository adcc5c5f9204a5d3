package org.masakari.engine.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TaskHarness;

/** StopInstanceTask, StartInstanceTask, ConfirmInstanceActiveTask against Nova stubs. */
class InstanceFailureTasksTest {
  private static TaskHarness h;

  @BeforeAll
  static void start() {
    h = new TaskHarness();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static String ha(String state) {
    return NovaStub.server("i-1", "h1", state, null, true);
  }

  @Test
  void stopStartConfirmRestartsAnHaInstance() {
    h.reset(Options.fast());
    h.nova.serverRestartable("i-1", ha("active"), ha("stopped"));
    new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    new StartInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    new ConfirmInstanceActiveTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    assertThat(h.nova.actions("i-1")).extracting(r -> r.getBodyAsString().replace(" ", ""))
        .containsExactly("{\"os-stop\":null}", "{\"os-start\":null}");
    assertThat(h.messages).contains("Stopped instance: 'i-1'", "Confirmed instance 'i-1' vm_state is ACTIVE");
  }

  @Test
  void anInstanceWithoutHaEnabledIsSkippedUnlessAllAreProcessed() {
    h.reset(Options.fast());
    h.nova.serverStatic("i-1", NovaStub.server("i-1", "h1", "active", null, false));
    assertThatThrownBy(() -> new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress()))
        .isInstanceOf(RecoverySkipped.class);
    assertThat(h.nova.actions("i-1")).isEmpty();

    h.reset(Options.fast("[instance_failure]", "process_all_instances = true"));
    h.nova.serverRestartable("i-1", NovaStub.server("i-1", "h1", "active", null, false),
        NovaStub.server("i-1", "h1", "stopped", null, false));
    new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    assertThat(h.nova.actionCount("i-1", "os-stop")).isEqualTo(1);
  }

  @Test
  void aCustomMetadataKeyIsHonoured() {
    h.reset(Options.fast("[instance_failure]", "ha_enabled_instance_metadata_key = masakari_ha"));
    h.nova.serverRestartable("i-1", NovaStub.serverJson("i-1", "h1", "active", null, Map.of("masakari_ha", "yes"), false),
        NovaStub.serverJson("i-1", "h1", "stopped", null, Map.of("masakari_ha", "yes"), false));
    new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    assertThat(h.nova.actionCount("i-1", "os-stop")).isEqualTo(1);
  }

  @Test
  void pausedAndRescuedInstancesAreIgnored() {
    for (String state : new String[] {"paused", "rescued"}) {
      h.reset(Options.fast());
      h.nova.serverStatic("i-1", ha(state));
      assertThatThrownBy(() -> new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress()))
          .isInstanceOf(NotificationIgnored.class);
    }
  }

  @Test
  void aConflictOnStopIsFineWhenTheInstanceIsStoppedByThen() {
    h.reset(Options.fast());
    h.nova.serverRestartable("i-1", ha("active"), ha("stopped"));
    h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.post(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(NovaStub.COMPUTE + "/servers/i-1/action"))
        .atPriority(0).inScenario("life-i-1")
        .willReturn(NovaStub.json(409, "{\"conflictingRequest\": {\"code\": 409, \"message\": \"Cannot 'stop'\"}}"))
        .willSetStateTo("stopped"));
    new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress());
    assertThat(h.messages).last().isEqualTo("Stopped instance: 'i-1'");
  }

  @Test
  void anInstanceThatDoesNotStopTimesOut() {
    h.reset(Options.fast("[DEFAULT]", "wait_period_after_power_off = 1"));
    h.nova.serverStatic("i-1", ha("active"));
    assertThatThrownBy(() -> new StopInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress()))
        .isInstanceOf(org.masakari.engine.poll.PollTimeout.class);
  }

  @Test
  void startRefusesAnInstanceThatIsNotStopped() {
    h.reset(Options.fast());
    h.nova.serverStatic("i-1", ha("active"));
    assertThatThrownBy(() -> new StartInstanceTask(h.deps).execute(h.instanceContext("i-1"), h.progress()))
        .isInstanceOf(RecoveryFailed.class).hasMessageContaining("Expected state: 'STOPPED'");
  }

  @Test
  void confirmTimesOutWhenTheInstanceStaysStopped() {
    h.reset(Options.fast("[DEFAULT]", "wait_period_after_power_on = 1"));
    h.nova.serverStatic("i-1", ha("stopped"));
    assertThatThrownBy(() -> new ConfirmInstanceActiveTask(h.deps).execute(h.instanceContext("i-1"), h.progress()))
        .isInstanceOf(RecoveryFailed.class).hasMessageContaining("Failed to start instance i-1");
  }
}
