package org.masakari.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the demo's segment and hosts into Masakari through the API, as an operator would with
 * {@code openstack segment create} and {@code openstack segment host create}. Idempotent: the H2 database
 * outlives a restart but the simulated cloud does not, so an existing segment gets the requested
 * recovery method and its hosts are taken out of maintenance and given their reserved flag again.
 */
public final class MasakariSeeder {
  private static final Logger LOG = LoggerFactory.getLogger(MasakariSeeder.class);

  private final MasakariApiClient api;

  public MasakariSeeder(MasakariApiClient api) {
    this.api = api;
  }

  /**
   * @param reservedHost null when the segment has none
   * @return the segment's uuid
   */
  public String seed(String segmentName, String recoveryMethod, List<String> computeHosts, String reservedHost)
      throws IOException, InterruptedException {
    String segment = findSegment(segmentName);
    if (segment == null) {
      ObjectNode body = MasakariApiClient.json().createObjectNode();
      body.putObject("segment").put("name", segmentName).put("recovery_method", recoveryMethod)
          .put("service_type", "COMPUTE").put("description", "masakari aio demo cloud");
      segment = require(api.post("/segments", body.toString()), "create segment " + segmentName)
          .path("segment").path("uuid").asText();
      LOG.info("[segment={}] created {} ({})", segment, segmentName, recoveryMethod);
    } else {
      ObjectNode body = MasakariApiClient.json().createObjectNode();
      body.putObject("segment").put("recovery_method", recoveryMethod);
      require(api.put("/segments/" + segment, body.toString()), "update segment " + segmentName);
      LOG.info("[segment={}] exists; recovery method {}", segment, recoveryMethod);
    }
    JsonNode existing = require(api.get("/segments/" + segment + "/hosts"), "list hosts").path("hosts");
    for (String name : computeHosts) {
      ensureHost(segment, existing, name, false);
    }
    if (reservedHost != null) {
      ensureHost(segment, existing, reservedHost, true);
    }
    return segment;
  }

  private String findSegment(String name) throws IOException, InterruptedException {
    for (JsonNode s : require(api.get("/segments"), "list segments").path("segments")) {
      if (name.equals(s.path("name").asText())) {
        return s.path("uuid").asText();
      }
    }
    return null;
  }

  private void ensureHost(String segment, JsonNode existing, String name, boolean reserved)
      throws IOException, InterruptedException {
    for (JsonNode h : existing) {
      if (name.equals(h.path("name").asText())) {
        if (h.path("on_maintenance").asBoolean() || h.path("reserved").asBoolean() != reserved) {
          ObjectNode body = MasakariApiClient.json().createObjectNode();
          body.putObject("host").put("on_maintenance", false).put("reserved", reserved);
          MasakariApiClient.Response r = api.put("/segments/" + segment + "/hosts/" + h.path("uuid").asText(),
              body.toString());
          // 409 while an old notification of the segment is unfinished: the demo still starts
          if (!r.ok()) {
            LOG.warn("[host={}] cannot reset maintenance/reserved: {} {}", name, r.status(), r.body());
          }
        }
        return;
      }
    }
    ObjectNode body = MasakariApiClient.json().createObjectNode();
    body.putObject("host").put("name", name).put("type", "COMPUTE").put("control_attributes", "SSH")
        .put("reserved", reserved);
    JsonNode created = require(api.post("/segments/" + segment + "/hosts", body.toString()), "create host " + name);
    LOG.info("[host={}] created {} (reserved {})", created.path("host").path("uuid").asText(), name, reserved);
  }

  private static JsonNode require(MasakariApiClient.Response r, String what) throws IOException {
    if (!r.ok()) {
      throw new IOException(what + ": " + r.status() + " " + r.body());
    }
    return r.body();
  }
}
