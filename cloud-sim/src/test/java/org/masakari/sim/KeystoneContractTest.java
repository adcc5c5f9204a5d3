package org.masakari.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keystone v3 as clients and keystonemiddleware use it. */
class KeystoneContractTest {
  private static RunningSim sim;
  private static SimClient admin;

  @BeforeAll
  static void start() {
    sim = TestClouds.start("hosts: [compute-1]");
    admin = new SimClient(sim, "admin", "admin");
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private SimClient.Reply auth(String user, String password, String scopeProject) {
    String scope = scopeProject == null ? "" : ", \"scope\": {\"project\": {\"name\": \"" + scopeProject
        + "\", \"domain\": {\"id\": \"default\"}}}";
    return admin.send("POST", sim.keystoneUrl() + "/auth/tokens", null, null, "{\"auth\": {\"identity\": {\"methods\": "
        + "[\"password\"], \"password\": {\"user\": {\"name\": \"" + user + "\", \"domain\": {\"name\": \"Default\"}, "
        + "\"password\": \"" + password + "\"}}}" + scope + "}}");
  }

  @Test
  void passwordAuthReturnsTokenHeaderRolesAndCatalog() {
    SimClient.Reply r = auth("admin", "admin", "admin");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.header("X-Subject-Token")).startsWith("gAAAAA");
    JsonObject token = r.json().getJsonObject("token");
    assertThat(token.getJsonArray("methods")).containsExactly("password");
    assertThat(token.getJsonObject("user").getString("name")).isEqualTo("admin");
    assertThat(token.getJsonObject("project").getString("name")).isEqualTo("admin");
    assertThat(token.getJsonObject("project").getJsonObject("domain").getString("id")).isEqualTo("default");
    assertThat(names(token.getJsonArray("roles"))).containsExactlyInAnyOrder("admin", "member", "reader");
    assertThat(token.getString("expires_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
    JsonArray catalog = token.getJsonArray("catalog");
    assertThat(catalog.stream().map(e -> ((JsonObject) e).getString("type")).collect(Collectors.toList()))
        .contains("identity", "compute", "instance-ha", "image");
    JsonObject compute = catalog.stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("type").equals("compute")).findFirst().orElseThrow();
    assertThat(compute.getJsonArray("endpoints").getJsonObject(0).getString("url")).isEqualTo(sim.novaUrl());
    assertThat(compute.getJsonArray("endpoints").stream().map(e -> ((JsonObject) e).getString("interface")))
        .containsExactlyInAnyOrder("public", "internal", "admin");
  }

  @Test
  void demoIsAMember() {
    JsonObject token = auth("demo", "demo", "demo").json().getJsonObject("token");
    assertThat(names(token.getJsonArray("roles"))).containsExactlyInAnyOrder("member", "reader");
  }

  @Test
  void wrongPasswordOrForeignProjectIs401() {
    SimClient.Reply bad = auth("admin", "nope", "admin");
    assertThat(bad.status()).isEqualTo(401);
    assertThat(bad.json()).isEqualTo(new JsonObject("{\"error\": {\"code\": 401, \"message\": "
        + "\"The request you have made requires authentication.\", \"title\": \"Unauthorized\"}}"));
    assertThat(auth("demo", "demo", "admin").status()).isEqualTo(401);
    assertThat(auth("ghost", "x", null).status()).isEqualTo(401);
  }

  @Test
  void noScopeMeansTheDefaultProject() {
    assertThat(auth("demo", "demo", null).json().getJsonObject("token").getJsonObject("project").getString("name"))
        .isEqualTo("demo");
  }

  @Test
  void tokenValidationAsKeystonemiddlewareDoesIt() {
    String subject = auth("demo", "demo", "demo").header("X-Subject-Token");
    SimClient.Reply ok = admin.send("GET", sim.keystoneUrl() + "/auth/tokens", admin.token(), null, null);
    assertThat(ok.status()).isEqualTo(404); // no X-Subject-Token header: no such token
    java.net.http.HttpRequest req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.keystoneUrl() + "/auth/tokens"))
        .header("X-Auth-Token", admin.token()).header("X-Subject-Token", subject).GET().build();
    JsonObject validated = send(req);
    assertThat(validated.getJsonObject("token").getJsonObject("user").getString("name")).isEqualTo("demo");
    assertThat(names(validated.getJsonObject("token").getJsonArray("roles"))).contains("member");
    // revoke, then it no longer validates
    send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.keystoneUrl() + "/auth/tokens"))
        .header("X-Auth-Token", admin.token()).header("X-Subject-Token", subject).DELETE().build());
    assertThat(admin.send("GET", sim.novaUrl() + "/servers", subject, null, null).status()).isEqualTo(401);
    assertThat(admin.send("GET", sim.keystoneUrl() + "/auth/tokens", "garbage", null, null).status()).isEqualTo(401);
  }

  @Test
  void versionDiscovery() {
    SimClient.Reply v = admin.send("GET", sim.keystoneUrl(), null, null, null);
    assertThat(v.status()).isEqualTo(200);
    assertThat(v.json().getJsonObject("version").getString("id")).startsWith("v3");
    assertThat(admin.send("GET", sim.keystoneUrl().replace("/v3", "/"), null, null, null).status()).isEqualTo(300);
  }

  private static List<String> names(JsonArray roles) {
    return roles.stream().map(r -> ((JsonObject) r).getString("name")).collect(Collectors.toList());
  }

  private static JsonObject send(java.net.http.HttpRequest req) {
    try {
      var r = java.net.http.HttpClient.newHttpClient().send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
      return r.body().isEmpty() ? new JsonObject().put("status", r.statusCode()) : new JsonObject(r.body());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
