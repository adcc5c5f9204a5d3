package org.masakari.engine.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

  @Test
  void aServiceKnownFromStartUpIsForcedDownWithOneCallAndNoLookup() {
    {
      h.reset(Options.fast());
      h.nova.service("h1", "svc-1", "enabled", false);
      h.deps.services().load();
      int before = h.nova.wm().findAll(getRequestedFor(urlPathEqualTo(NovaStub.COMPUTE + "/os-services"))).size();
      new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.wm().findAll(getRequestedFor(urlPathEqualTo(NovaStub.COMPUTE + "/os-services")))).hasSize(before);
      assertThat(h.nova.servicePuts("svc-1")).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"forced_down\":true").contains("disabled_reason"));
    }
  }

  @Test
  void aKnownServiceIdThatNovaNoLongerHasIsLookedUpAgain() {
    {
      h.reset(Options.fast());
      h.nova.service("h1", "svc-old", "enabled", false);
      h.deps.services().load();
      // the service was deleted and registered again: the old id answers 404, the host lists the new one
      h.nova.reset();
      h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.put(urlEqualTo(NovaStub.COMPUTE + "/os-services/svc-old"))
          .willReturn(NovaStub.json(404, "{\"itemNotFound\": {\"code\": 404, \"message\": \"Service svc-old not found.\"}}")));
      h.nova.service("h1", "svc-new", "enabled", false);
      new DisableComputeServiceTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.servicePuts("svc-old")).hasSize(1);
      assertThat(h.nova.servicePuts("svc-new")).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"forced_down\":true"));
      assertThat(h.deps.services().known("h1")).get().extracting(c -> c.id()).isEqualTo("svc-new");
    }
  }

  @Test
  void theHostsServersAreReadWhileTheServiceIsForcedDown() {
    {
      h.reset(Options.fast());
      h.nova.service("h1", "svc-1", "enabled", false);
      h.nova.serversOnHost("h1", NovaStub.server("a1", "h1", "active", null, true));
      var ctx = h.hostContext();
      new DisableComputeServiceTask(h.deps).execute(ctx, h.progress());
      int lists = h.nova.wm().findAll(getRequestedFor(urlPathEqualTo(NovaStub.COMPUTE + "/servers/detail"))).size();
      var taken = ctx.hostServers().take(() -> { throw new AssertionError("the prefetched list was not used"); });
      assertThat(taken.servers()).extracting(s -> s.id()).containsExactly("a1");
      assertThat(lists).isLessThanOrEqualTo(1);
      assertThat(h.nova.wm().findAll(getRequestedFor(urlPathEqualTo(NovaStub.COMPUTE + "/servers/detail")))).hasSize(1);
    }
  }
}
