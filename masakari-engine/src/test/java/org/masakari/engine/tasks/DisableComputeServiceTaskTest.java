package org.masakari.engine.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.masakari.engine.nova.NovaException;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TaskHarness;

class DisableComputeServiceTaskTest {
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
  void disablesWithReasonAndForcesDownInOneCallByDefault() {
    {
      h.reset(Options.fast());
      h.nova.service("h1", "svc-1", "enabled", false);
      new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress());
      h.nova.wm().verify(1, putRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/os-services/svc-1"))
          .withRequestBody(equalToJson("{\"status\":\"disabled\",\"disabled_reason\":\"Masakari detected host failed.\","
              + "\"forced_down\":true}")));
      assertThat(h.nova.servicePuts("svc-1")).hasSize(1);
      assertThat(h.messages).first().isEqualTo("Disabling compute service on host: 'h1'");
      assertThat(h.messages).last().isEqualTo("Disabled compute service on host: 'h1'");
      assertThat(h.progress).first().isEqualTo(0.0);
      assertThat(h.progress).last().isEqualTo(1.0);
    }
  }

  @Test
  void withoutForceDownTheUpstreamWaitAppliesAndNoForcedDownIsSent() {
    {
      h.reset(Options.fast("[host_failure]", "force_down_compute = false",
        "service_disable_reason = custom reason", "[DEFAULT]", "wait_period_after_service_update = 0"));
      h.nova.service("h1", "svc-1", "enabled", false);
      new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.servicePuts("svc-1")).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("custom reason").doesNotContain("forced_down"));
      // upstream-identical progress details: no extra entry for the wait
      assertThat(h.messages).noneMatch(m -> m.contains("wait_period_after_service_update"))
          .last().isEqualTo("Disabled compute service on host: '" + h.hostContext().hostName() + "'");
    }
  }

  @Test
  void anAlreadyDisabledServiceIsOnlyForcedDown() {
    {
      h.reset(Options.fast());
      h.nova.service("h1", "svc-1", "disabled", false);
      new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.servicePuts("svc-1")).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("forced_down"));
    }
  }

  @Test
  void aHostUnknownToNovaFailsTheTask() {
    {
      h.reset(Options.fast());
      h.nova.noService("h1");
      assertThatThrownBy(() -> new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress()))
          .isInstanceOf(NovaException.class);
    }
  }
}
