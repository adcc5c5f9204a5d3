package org.masakari.launcher.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Keystone v3 password authentication, scoped to a project in domain Default. */
final class KeystoneToken {
  private KeystoneToken() {}

  static String issue(HttpClient http, MasakariApiClient.Credentials c) throws IOException, InterruptedException {
    ObjectNode root = MasakariApiClient.json().createObjectNode();
    ObjectNode auth = root.putObject("auth");
    ObjectNode identity = auth.putObject("identity");
    identity.putArray("methods").add("password");
    ObjectNode user = identity.putObject("password").putObject("user");
    user.put("name", c.username()).put("password", c.password()).putObject("domain").put("name", "Default");
    ObjectNode project = auth.putObject("scope").putObject("project");
    project.put("name", c.project()).putObject("domain").put("name", "Default");
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(c.authUrl() + "/auth/tokens"))
        .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(root.toString())).build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201) {
      throw new IOException("Keystone " + c.authUrl() + " refused user " + c.username() + ": " + r.statusCode()
          + " " + r.body());
    }
    return r.headers().firstValue("X-Subject-Token")
        .orElseThrow(() -> new IOException("Keystone answered 201 without X-Subject-Token"));
  }
}
