package org.masakari.api.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.HttpResult;
import org.masakari.api.support.TestDatabase;

/**
 * auth_strategy = keystone against a WireMock Keystone v3: token validation with our service token,
 * the context built from the token body, upstream's 401 body and header, the validation cache, the
 * admin-only default policy (403 for members) and an operator policy file that opens a rule.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeystoneAuthTest {
  private WireMockServer keystone;
  private ApiFixture api;
  private Path policyDir;

  private static String tokenBody(String user, String project, String role) {
    String exp = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
    return "{\"token\":{\"expires_at\":\"" + exp + "\",\"user\":{\"id\":\"" + user + "\",\"name\":\"" + user
        + "\",\"domain\":{\"id\":\"default\"}},\"project\":{\"id\":\"" + project + "\",\"name\":\"" + project
        + "\"},\"roles\":[{\"id\":\"r1\",\"name\":\"" + role + "\"}],\"methods\":[\"password\"]}}";
  }

  @BeforeAll
  void start() throws Exception {
    keystone = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    keystone.start();
    keystone.stubFor(post(urlEqualTo("/identity/v3/auth/tokens")).willReturn(aResponse().withStatus(201)
        .withHeader("X-Subject-Token", "service-token").withHeader("Content-Type", "application/json")
        .withBody(tokenBody("masakari", "service", "service"))));
    keystone.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo("admin-token"))
        .withHeader("X-Auth-Token", equalTo("service-token"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(tokenBody("alice", "0123abcd", "admin"))));
    keystone.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo("member-token"))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody(tokenBody("bob", "4567cdef", "member"))));
    keystone.stubFor(get(urlEqualTo("/identity/v3/auth/tokens")).withHeader("X-Subject-Token", equalTo("bad-token"))
        .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":404}}")));
    policyDir = Files.createTempDirectory("policy");
    Files.writeString(policyDir.resolve("policy.yaml"),
        "\"os_masakari_api:segments:index\": \"rule:admin_api or role:member\"\n");
    String ks = "http://127.0.0.1:" + keystone.port() + "/identity";
    api = ApiFixture.start(TestDatabase.Kind.H2, List.of(
        "auth_strategy = keystone",
        "[keystone_authtoken]", "www_authenticate_uri = " + ks, "auth_url = " + ks, "username = masakari",
        "password = secret", "project_name = service",
        "[oslo_policy]", "policy_file = " + policyDir.resolve("policy.yaml")), null, null);
  }

  @AfterAll
  void stop() {
    api.close();
    keystone.stop();
  }

  @Test
  void missingOrInvalidTokenGetsKeystonemiddlewares401() {
    for (HttpResult r : List.of(api.get("/v1/segments"), api.get("/v1/segments", Map.of("X-Auth-Token", "bad-token")),
        api.get("/v1/", Map.of()))) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().at("/error/message").asText()).isEqualTo("The request you have made requires authentication.");
      assertThat(r.header("WWW-Authenticate")).isEqualTo("Keystone uri=\"http://127.0.0.1:" + keystone.port() + "/identity\"");
    }
    assertThat(api.get("/").status()).isEqualTo(200); // the root version list needs no token
  }

  @Test
  void adminTokenPassesAndIsCached() {
    keystone.resetRequests();
    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/v1/segments", Map.of("X-Auth-Token", "admin-token")).status()).isEqualTo(200);
    }
    keystone.verify(1, getRequestedFor(urlEqualTo("/identity/v3/auth/tokens"))
        .withHeader("X-Subject-Token", equalTo("admin-token")));
    HttpResult create = api.send("POST", "/v1/0123abcd/segments",
        "{\"segment\":{\"name\":\"ks-seg\",\"recovery_method\":\"auto\",\"service_type\":\"COMPUTE\"}}",
        Map.of("X-Auth-Token", "admin-token"));
    assertThat(create.status()).isEqualTo(201);
    HttpResult otherProject = api.get("/v1/9999/segments", Map.of("X-Auth-Token", "admin-token"));
    assertThat(otherProject.faultMessage()).contains("doesn't match Context's project_id '0123abcd'");
  }

  @Test
  void membersAreForbiddenByDefaultButValidationComesFirst() {
    HttpResult show = api.get("/v1/segments/" + java.util.UUID.randomUUID(), Map.of("X-Auth-Token", "member-token"));
    assertThat(show.status()).isEqualTo(403);
    assertThat(show.faultName()).isEqualTo("forbidden");
    assertThat(show.faultMessage()).isEqualTo("Policy doesn't allow os_masakari_api:segments:detail to be performed.");
    HttpResult invalid = api.send("POST", "/v1/segments", "{\"segment\":{}}", Map.of("X-Auth-Token", "member-token"));
    assertThat(invalid.status()).isEqualTo(400);
    HttpResult valid = api.send("POST", "/v1/segments",
        "{\"segment\":{\"name\":\"m\",\"recovery_method\":\"auto\",\"service_type\":\"C\"}}",
        Map.of("X-Auth-Token", "member-token"));
    assertThat(valid.status()).isEqualTo(403);
    // the policy file opened segments:index to members
    assertThat(api.get("/v1/segments", Map.of("X-Auth-Token", "member-token")).status()).isEqualTo(200);
  }
}
