package org.masakari.engine.tasks;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.masakari.core.domain.VMove;
import org.masakari.engine.nova.Server;
import org.masakari.engine.support.NovaStub;
import org.masakari.engine.support.Options;
import org.masakari.engine.support.TaskHarness;

class EvacuateInstancesTaskTest {
  private static TaskHarness h;

  @org.junit.jupiter.api.BeforeAll
  static void start() {
    h = new TaskHarness();
  }

  @org.junit.jupiter.api.AfterAll
  static void stop() {
    h.close();
  }

  private static void pending(TaskHarness h, String... ids) {
    List<Server> servers = java.util.Arrays.stream(ids)
        .map(id -> new Server(id, "vm-" + id, "active", null, 1, "h1", "h1", false, Map.of())).toList();
    h.deps.vmoves().preparePending(h.notification, "h1", servers);
  }

  @Test
  void evacuatesLocksConfirmsAndRecordsTheDestination() {
    {
      h.reset(Options.fast());
      h.nova.serverEvacuable("i-1", NovaStub.server("i-1", "h1", "active", null, true),
          NovaStub.server("i-1", "h2", "active", null, true));
      pending(h, "i-1");
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      VMove v = h.db.vmoves(h.notification).get(0);
      assertThat(v.getStatus()).isEqualTo("succeeded");
      assertThat(v.getDestHost()).isEqualTo("h2");
      assertThat(v.getStartTime()).isNotNull();
      assertThat(v.getEndTime()).isNotNull();
      // the lock follows Nova's acceptance of the evacuation (one round trip less per slot; docs/compatibility.md)
      assertThat(h.nova.actions("i-1")).extracting(r -> r.getBodyAsString().replace(" ", ""))
          .containsExactly("{\"evacuate\":{}}", "{\"lock\":null}", "{\"unlock\":null}");
      assertThat(h.messages).last().isEqualTo("Evacuation process completed!");
    }
  }

  @Test
  void toAReservedHostItTakesTheHostAndEnablesItsService() {
    {
      h.reset(Options.fast());
      String rh = h.db.host(h.segment, "rh1", true);
      h.nova.service("rh1", "svc-rh1", "disabled", false);
      h.nova.serverEvacuable("i-1", NovaStub.server("i-1", "h1", "active", null, true),
          NovaStub.server("i-1", "rh1", "active", null, true));
      pending(h, "i-1");
      new EvacuateInstancesTask(h.deps).execute(h.hostContext().withReservedHost("rh1"), h.progress());
      h.nova.wm().verify(postRequestedFor(urlEqualTo(NovaStub.COMPUTE + "/servers/i-1/action"))
          .withRequestBody(equalToJson("{\"evacuate\":{\"host\":\"rh1\"}}")));
      assertThat(h.nova.servicePuts("svc-rh1")).singleElement()
          .satisfies(r -> assertThat(r.getBodyAsString()).contains("\"enabled\""));
      assertThat(h.db.hostRow(rh).isReserved()).isFalse();
    }
  }

  @Test
  void aReservedHostTakenByAnotherRecoveryFailsTheAttempt() {
    {
      h.reset(Options.fast());
      h.db.host(h.segment, "rh2", false);
      pending(h, "i-1");
      assertThatThrownBy(() -> new EvacuateInstancesTask(h.deps).execute(h.hostContext().withReservedHost("rh2"),
          h.progress())).isInstanceOf(RecoveryFailed.class).hasMessageContaining("rh2");
    }
  }

  @Test
  void anInstanceThatNeverMovesTimesOut() {
    {
      h.reset(Options.fast("[DEFAULT]", "wait_period_after_evacuation = 1"));
      h.nova.serverStatic("i-1", NovaStub.server("i-1", "h1", "active", null, true));
      pending(h, "i-1");
      assertThatThrownBy(() -> new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress()))
          .isInstanceOf(RecoveryFailed.class);
      VMove v = h.db.vmoves(h.notification).get(0);
      assertThat(v.getStatus()).isEqualTo("failed");
      assertThat(v.getMessage()).isEqualTo("Failed reason: timeout.");
      assertThat(h.nova.actionCount("i-1", "unlock")).isEqualTo(1);
    }
  }

  @Test
  void novaRefusingTheEvacuationFailsThatInstanceOnlyWithNovasMessage() {
    {
      h.reset(Options.fast());
      h.nova.serverStatic("bad", NovaStub.server("bad", "h1", "active", null, true));
      h.nova.evacuateRefused("bad");
      h.nova.serverEvacuable("good", NovaStub.server("good", "h1", "active", null, true),
          NovaStub.server("good", "h3", "active", null, true));
      pending(h, "bad", "good");
      assertThatThrownBy(() -> new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress()))
          .isInstanceOf(RecoveryFailed.class).hasMessageContaining("bad").hasMessageNotContaining("good");
      assertThat(h.db.vmoves(h.notification)).extracting(VMove::getInstanceUuid, VMove::getStatus)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", "failed"),
              org.assertj.core.groups.Tuple.tuple("good", "succeeded"));
      assertThat(h.db.vmoves(h.notification).get(0).getMessage()).contains("still in use");
    }
  }

  @Test
  void anInstanceTurningToErrorFailsAtOnce() {
    {
      h.reset(Options.fast("[DEFAULT]", "wait_period_after_evacuation = 60"));
      h.nova.serverEvacuable("i-1", NovaStub.server("i-1", "h1", "active", null, true),
          NovaStub.server("i-1", "h1", "error", null, true));
      pending(h, "i-1");
      assertThatThrownBy(() -> new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress()))
          .isInstanceOf(RecoveryFailed.class);
      assertThat(h.db.vmoves(h.notification).get(0).getMessage()).contains("went to error");
    }
  }

  @Test
  void anErrorInstanceIsStoppedAfterwardsAndResetToError() {
    {
      h.reset(Options.fast());
      String before = NovaStub.server("i-1", "h1", "error", null, true);
      h.nova.serverEvacuable("i-1", before, NovaStub.server("i-1", "h2", "active", null, true));
      // after the stop the server reports stopped on the new host
      h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo(NovaStub.COMPUTE + "/servers/i-1/action"))
          .atPriority(1).withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("os-stop"))
          .inScenario("srv-i-1").willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(202))
          .willSetStateTo("stopped"));
      h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(NovaStub.COMPUTE + "/servers/i-1"))
          .inScenario("srv-i-1").whenScenarioStateIs("stopped")
          .willReturn(NovaStub.json(200, "{\"server\": " + NovaStub.server("i-1", "h2", "stopped", null, true) + "}")));
      pending(h, "i-1");
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      List<String> calls = h.nova.actions("i-1").stream().map(r -> r.getBodyAsString().replace(" ", "")).toList();
      // the lock runs beside the confirmation, so only its place after the evacuation is fixed
      assertThat(calls).containsExactlyInAnyOrder("{\"evacuate\":{}}", "{\"lock\":null}", "{\"os-stop\":null}",
          "{\"os-resetState\":{\"state\":\"error\"}}", "{\"unlock\":null}");
      assertThat(calls.get(0)).isEqualTo("{\"evacuate\":{}}");
      assertThat(calls.get(4)).isEqualTo("{\"unlock\":null}");
      assertThat(calls.indexOf("{\"os-stop\":null}")).isLessThan(calls.indexOf("{\"os-resetState\":{\"state\":\"error\"}}"));
    }
  }

  @Test
  void aStoppedInstanceIsNotStoppedAgainAndALockedOneNotUnlocked() {
    {
      h.reset(Options.fast());
      h.nova.serverEvacuable("i-1", NovaStub.serverJson("i-1", "h1", "stopped", null, Map.of(), true),
          NovaStub.serverJson("i-1", "h2", "stopped", null, Map.of(), true));
      pending(h, "i-1");
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.actions("i-1")).extracting(r -> r.getBodyAsString().replace(" ", ""))
          .containsExactly("{\"evacuate\":{}}");
    }
  }

  @Test
  void anInstanceInATaskIsResetToErrorBeforeEvacuation() {
    {
      h.reset(Options.fast());
      h.nova.serverEvacuable("i-1", NovaStub.server("i-1", "h1", "active", "powering-off", true),
          NovaStub.server("i-1", "h2", "active", null, true));
      pending(h, "i-1");
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.actions("i-1")).extracting(r -> r.getBodyAsString().replace(" ", ""))
          .containsExactly("{\"os-resetState\":{\"state\":\"error\"}}", "{\"evacuate\":{}}", "{\"lock\":null}",
              "{\"unlock\":null}");
    }
  }

  @Test
  void anOngoingRowOfADeadEngineIsConfirmedWithoutASecondEvacuation() {
    {
      h.reset(Options.fast());
      h.nova.serverStatic("i-1", NovaStub.server("i-1", "h1", "active", "rebuilding", true));
      h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(NovaStub.COMPUTE + "/servers/i-1"))
          .inScenario("rebuild").whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
          .willReturn(NovaStub.json(200, "{\"server\": " + NovaStub.server("i-1", "h1", "active", "rebuilding", true) + "}"))
          .willSetStateTo("done"));
      h.nova.stub(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(NovaStub.COMPUTE + "/servers/i-1"))
          .inScenario("rebuild").whenScenarioStateIs("done")
          .willReturn(NovaStub.json(200, "{\"server\": " + NovaStub.server("i-1", "h2", "active", null, true) + "}")));
      pending(h, "i-1");
      h.deps.vmoves().markOngoing(h.db.vmoves(h.notification).get(0).getUuid());
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.nova.actionCount("i-1", "evacuate")).isZero();
      assertThat(h.db.vmoves(h.notification).get(0).getStatus()).isEqualTo("succeeded");
    }
  }

  @Test
  void evacuationsRunInParallelUpToTheConfiguredThreads() {
    {
      h.reset(Options.fast("[DEFAULT]", "host_failure_recovery_threads = 4"));
      String[] ids = new String[12];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = "p-" + i;
        h.nova.serverEvacuable(ids[i], NovaStub.server(ids[i], "h1", "active", null, true),
            NovaStub.server(ids[i], "h2", "active", null, true));
      }
      pending(h, ids);
      new EvacuateInstancesTask(h.deps).execute(h.hostContext(), h.progress());
      assertThat(h.db.vmoves(h.notification)).hasSize(12).allSatisfy(v -> assertThat(v.getStatus()).isEqualTo("succeeded"));
      for (String id : ids) {
        assertThat(h.nova.actionCount(id, "evacuate")).isEqualTo(1);
      }
    }
  }
}
