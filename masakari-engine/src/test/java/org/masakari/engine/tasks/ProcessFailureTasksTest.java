package org.masakari.engine.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TaskHarness;

/** DisableComputeNodeTask and ConfirmComputeNodeDisabledTask against Nova stubs. */
class ProcessFailureTasksTest {
  private static TaskHarness h;

  @BeforeAll
  static void start() {
    h = new TaskHarness();
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Test
  void disablesWithTheProcessReasonAndConfirms() {
    h.reset(Options.fast());
    h.nova.service("h1", "svc-1", "enabled", false);
    // Nova lists the service disabled once the PUT has been made
    h.nova.stub(get(urlPathEqualTo(NovaStub.COMPUTE + "/os-services")).inScenario("svc").whenScenarioStateIs("off")
        .willReturn(NovaStub.json(200, "{\"services\": [" + NovaStub.serviceJson("h1", "svc-1", "disabled", false) + "]}")));
    h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.put(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo(NovaStub.COMPUTE + "/os-services/svc-1"))
        .inScenario("svc").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("off")
        .willReturn(NovaStub.json(200, "{\"service\": " + NovaStub.serviceJson("h1", "svc-1", "disabled", false) + "}")));
    new DisableComputeNodeTask(h.deps).execute(h.processContext(), h.progress());
    new ConfirmComputeNodeDisabledTask(h.deps).execute(h.processContext(), h.progress());
    assertThat(h.nova.servicePuts("svc-1")).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
        .contains("Masakari detected process failed.").doesNotContain("forced_down"));
  }

  @Test
  void anAlreadyDisabledServiceIsOnlyReported() {
    h.reset(Options.fast());
    h.nova.service("h1", "svc-1", "disabled", false);
    new DisableComputeNodeTask(h.deps).execute(h.processContext(), h.progress());
    assertThat(h.nova.servicePuts("svc-1")).isEmpty();
    assertThat(h.messages).last().asString().contains("already disabled");
  }

  @Test
  void confirmationTimesOutWhenNovaKeepsItEnabled() {
    h.reset(Options.fast("[DEFAULT]", "wait_period_after_service_update = 1"));
    h.nova.service("h1", "svc-1", "enabled", false);
    assertThatThrownBy(() -> new ConfirmComputeNodeDisabledTask(h.deps).execute(h.processContext(), h.progress()))
        .isInstanceOf(RecoveryFailed.class);
  }
}
