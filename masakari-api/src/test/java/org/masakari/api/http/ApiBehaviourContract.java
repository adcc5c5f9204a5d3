package org.masakari.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.masakari.api.support.ApiFixture;
import org.masakari.api.support.HttpResult;
import org.masakari.api.support.TestDatabase;

/**
 * The API's behaviour on the wire — status codes, fault bodies and headers of contract §1 — run once
 * per backend (H2 + in-process queue, MariaDB + RabbitMQ) by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiBehaviourContract {
  protected ApiFixture api;

  abstract ApiFixture startApi();

  @BeforeAll
  void start() {
    api = startApi();
  }

  @AfterAll
  void stop() {
    if (api != null) {
      api.close();
    }
  }

  private static String unique(String prefix) {
    return prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void versionDocumentsAndHealthcheck() {
    HttpResult root = api.get("/");
    assertThat(root.status()).isEqualTo(200);
    assertThat(root.json().at("/versions/0/min_version").asText()).isEqualTo("1.0");
    assertThat(root.json().at("/versions/0/links/0/href").asText()).isEqualTo(api.base() + "/v1/");
    assertThat(root.header("OpenStack-API-Version")).isNull();
    HttpResult v1 = api.get("/v1");
    assertThat(v1.status()).isEqualTo(200);
    assertThat(v1.json().at("/version/media-types/0/type").asText())
        .isEqualTo("application/vnd.openstack.masakari+json;version=1");
    assertThat(v1.header("OpenStack-API-Version")).isEqualTo("masakari 1.0");
    assertThat(api.get("/v1/").status()).isEqualTo(200);
    assertThat(api.get("/v1/versions/v1.0").status()).isEqualTo(200);
    HttpResult choices = api.get("/v2/anything");
    assertThat(choices.status()).isEqualTo(300);
    assertThat(choices.json().at("/choices/0/links/0/href").asText()).isEqualTo(api.base() + "/v1/v2/anything");
    HttpResult health = api.get("/healthcheck");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("reasons").get(0).asText()).isEqualTo("OK");
    assertThat(api.get("/v1/segments").header("x-openstack-request-id")).matches("req-[0-9a-f-]{36}");
  }

  @Test
  void microversionHeaderRules() {
    HttpResult v13 = api.get("/v1/segments", Map.of("OpenStack-API-Version", "instance-ha 1.3"));
    assertThat(v13.status()).isEqualTo(200);
    assertThat(v13.header("OpenStack-API-Version")).isEqualTo("masakari 1.3");
    assertThat(v13.header("Vary")).isEqualTo("OpenStack-API-Version");
    HttpResult latest = api.get("/v1/segments", Map.of("OpenStack-API-Version", "compute 2.1, instance-ha latest"));
    assertThat(latest.header("OpenStack-API-Version")).isEqualTo("masakari 1.4");
    HttpResult ignored = api.get("/v1/segments", Map.of("OpenStack-API-Version", "masakari 1.2"));
    assertThat(ignored.header("OpenStack-API-Version")).isEqualTo("masakari 1.0");
    HttpResult tooNew = api.get("/v1/segments", Map.of("OpenStack-API-Version", "instance-ha 1.9"));
    assertThat(tooNew.status()).isEqualTo(406);
    assertThat(tooNew.faultName()).isEqualTo("masakariFault");
    assertThat(tooNew.faultMessage()).isEqualTo("Version 1.9 is not supported by the API. Minimum is 1.0 and maximum is 1.4.");
    assertThat(tooNew.header("OpenStack-API-Version")).isEqualTo("instance-ha 1.9");
    HttpResult bad = api.get("/v1/segments", Map.of("OpenStack-API-Version", "instance-ha 01.1"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.faultMessage()).isEqualTo(
        "API Version String 01.1 is of invalid format. Must be of format MajorNum.MinorNum.");
    assertThat(bad.header("OpenStack-API-Version")).isNull();
    assertThat(bad.header("Content-Type")).isEqualTo("application/json; charset=UTF-8");
  }

  @Test
  void segmentLifecycleWithCascadingHostDelete() {
    String name = unique("seg");
    HttpResult created = api.post("/v1/segments", "{\"segment\":{\"name\":\"" + name
        + "\",\"recovery_method\":\"auto\",\"service_type\":\"COMPUTE\",\"description\":\"d\"}}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.header("Location")).isNull();
    JsonNode seg = created.json().path("segment");
    assertThat(seg.path("enabled").asBoolean()).isTrue();
    assertThat(seg.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000000");
    assertThat(seg.path("deleted").asBoolean()).isFalse();
    String uuid = seg.path("uuid").asText();
    assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\"" + name
        + "\",\"recovery_method\":\"auto\",\"service_type\":\"COMPUTE\"}}").faultMessage())
        .isEqualTo("Failover segment with name " + name + " already exists.");
    String host = api.host(uuid, unique("h"));
    HttpResult updated = api.send("PUT", "/v1/segments/" + uuid, "{\"segment\":{\"enabled\":\"false\"}}",
        Map.of("OpenStack-API-Version", "instance-ha 1.2"));
    assertThat(updated.status()).isEqualTo(200);
    // upstream reads the string "false" as true on PUT; we parse it
    assertThat(updated.json().at("/segment/enabled").asBoolean()).isFalse();
    assertThat(updated.json().at("/segment/updated_at").isNull()).isFalse();
    assertThat(api.delete("/v1/segments/" + uuid).status()).isEqualTo(204);
    assertThat(api.get("/v1/segments/" + uuid).faultMessage()).isEqualTo("No failover segment with id " + uuid + ".");
    assertThat(api.get("/v1/segments/" + uuid + "/hosts/" + host).status()).isEqualTo(404);
    // the deleted name can be used again
    api.segment(name, "auto");
  }

  @Test
  void hostRulesAndFilters() {
    String s1 = api.segment(unique("s"), "reserved_host");
    String s2 = api.segment(unique("s"), "auto");
    String hn = unique("compute");
    String h1 = api.host(s1, hn);
    HttpResult dup = api.post("/v1/segments/" + s2 + "/hosts",
        "{\"host\":{\"name\":\"" + hn + "\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\"}}");
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.faultMessage()).isEqualTo("Host with name " + hn + " already exists.");
    HttpResult reserved = api.post("/v1/segments/" + s1 + "/hosts", "{\"host\":{\"name\":\"" + unique("r")
        + "\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\",\"reserved\":\"yes\",\"on_maintenance\":\"0\"}}");
    assertThat(reserved.json().at("/host/reserved").asBoolean()).isTrue();
    assertThat(reserved.json().at("/host/failover_segment_id").asText()).isEqualTo(s1);
    assertThat(reserved.json().at("/host/failover_segment/uuid").asText()).isEqualTo(s1);
    assertThat(api.get("/v1/segments/" + s1 + "/hosts?reserved=1").json().path("hosts")).hasSize(1);
    assertThat(api.get("/v1/segments/" + s1 + "/hosts?reserved=false").json().path("hosts")).hasSize(1);
    assertThat(api.get("/v1/segments/" + s1 + "/hosts?name=" + hn).json().path("hosts")).hasSize(1);
    assertThat(api.get("/v1/segments/" + s1 + "/hosts?on_maintenance=maybe").faultMessage()).isEqualTo(
        "Invalid value for on_maintenance: Unrecognized value 'maybe', acceptable values are: "
            + "'0', '1', 'f', 'false', 'n', 'no', 'off', 'on', 't', 'true', 'y', 'yes'");
    assertThat(api.get("/v1/segments/" + s2 + "/hosts/" + h1).faultMessage())
        .isEqualTo("Host '" + h1 + "' under failover_segment '" + s2 + "' could not be found.");
    assertThat(api.get("/v1/segments/" + s1 + "/hosts/not-a-uuid").faultMessage()).isEqualTo("No host with id not-a-uuid.");
    HttpResult nullType = api.post("/v1/segments/" + s1 + "/hosts",
        "{\"host\":{\"name\":\"x\",\"type\":null,\"control_attributes\":\"SSH\"}}");
    assertThat(nullType.status()).isEqualTo(400);
    HttpResult nullCa = api.post("/v1/segments/" + s1 + "/hosts",
        "{\"host\":{\"name\":\"x\",\"type\":\"COMPUTE\",\"control_attributes\":null}}");
    assertThat(nullCa.status()).isEqualTo(400);
  }

  @Test
  void notificationRulesAndUnderRecoveryConflicts() {
    String seg = api.segment(unique("ns"), "auto");
    String hn = unique("nc");
    String host = api.host(seg, hn);
    String now = java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).toString();
    String body = "{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"" + hn + "\",\"generated_time\":\"" + now
        + "\",\"payload\":{\"process_name\":\"nova-compute\",\"event\":\"STOPPED\"}}}";
    HttpResult created = api.post("/v1/notifications", body);
    assertThat(created.status()).isEqualTo(202);
    JsonNode n = created.json().path("notification");
    assertThat(n.path("status").asText()).isEqualTo("new");
    assertThat(n.path("source_host_uuid").asText()).isEqualTo(host);
    assertThat(n.path("failover_segment_uuid").asText()).isEqualTo(seg);
    assertThat(n.has("uuid")).isFalse();
    HttpResult dup = api.post("/v1/notifications", body);
    assertThat(dup.status()).isEqualTo(409);
    assertThat(dup.faultMessage()).isEqualTo("Notification received from host " + hn + " of type PROCESS is duplicate.");
    // a different payload is not a duplicate
    assertThat(api.post("/v1/notifications", body.replace("STOPPED", "STARTED")).status()).isEqualTo(202);
    assertThat(api.put("/v1/segments/" + seg, "{\"segment\":{\"name\":\"z\"}}").faultMessage())
        .isEqualTo("Failover segment " + seg + " can't be updated as it is in-use to process notifications.");
    assertThat(api.delete("/v1/segments/" + seg).faultMessage())
        .isEqualTo("Failover segment (" + seg + ") can't be deleted as it is in-use to process notifications.");
    assertThat(api.put("/v1/segments/" + seg + "/hosts/" + host, "{\"host\":{\"on_maintenance\":false}}").status())
        .isEqualTo(409);
    assertThat(api.delete("/v1/segments/" + seg + "/hosts/" + host).faultMessage())
        .isEqualTo("Host " + host + " can't be deleted as it is in-use to process notifications.");
    String nid = n.path("notification_uuid").asText();
    assertThat(api.get("/v1/notifications/" + nid + "/vmoves").faultMessage())
        .isEqualTo("This notification " + nid + " without vm moves.");
    HttpResult detail = api.get("/v1/notifications/" + nid, Map.of("OpenStack-API-Version", "instance-ha 1.1"));
    assertThat(detail.json().at("/notification/recovery_workflow_details").isArray()).isTrue();
    assertThat(api.get("/v1/notifications/" + nid).json().at("/notification").has("recovery_workflow_details")).isFalse();
    assertThat(api.get("/v1/notifications?source_host_uuid=" + host + "&type=PROCESS").json().path("notifications"))
        .hasSize(2);
    assertThat(api.get("/v1/notifications?generated-since=" + now + "Z&source_host_uuid=" + host)
        .json().path("notifications")).hasSize(2);
    assertThat(api.get("/v1/notifications?generated-since=yesterday").faultMessage())
        .isEqualTo("Invalid generated-since value");
    assertThat(api.get("/v1/notifications?status=bogus").json().path("notifications")).isEmpty();
    HttpResult unknownHost = api.post("/v1/notifications", body.replace(hn, "no-such-host"));
    assertThat(unknownHost.faultMessage()).isEqualTo("Host with name no-such-host could not be found.");
    assertThat(api.send("PUT", "/v1/notifications/" + nid, "{}", Map.of()).faultMessage())
        .isEqualTo("The request method: 'PUT' with action: 'update' is not allowed on this resource");
  }

  @Test
  void concurrentDuplicatesYieldExactlyOneNotification() throws Exception {
    String seg = api.segment(unique("cs"), "auto");
    String hn = unique("cc");
    api.host(seg, hn);
    String body = "{\"notification\":{\"type\":\"COMPUTE_HOST\",\"hostname\":\"" + hn
        + "\",\"generated_time\":\"2026-11-22T00:00:00Z\",\"payload\":{\"event\":\"STOPPED\","
        + "\"host_status\":\"NORMAL\",\"cluster_status\":\"OFFLINE\"}}}";
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
      for (int i = 0; i < 8; i++) {
        futures.add(pool.submit(() -> api.post("/v1/notifications", body).status()));
      }
      var statuses = new java.util.ArrayList<Integer>();
      for (var f : futures) {
        statuses.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses).containsOnly(202, 409);
      assertThat(statuses).filteredOn(x -> x == 202).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void microversion14RetryAndCancelActions() {
    String seg = api.segment(unique("as"), "auto");
    String hn = unique("ac");
    api.host(seg, hn);
    HttpResult created = api.post("/v1/notifications", "{\"notification\":{\"type\":\"PROCESS\",\"hostname\":\"" + hn
        + "\",\"generated_time\":\"2026-11-22T00:00:00Z\",\"payload\":{\"process_name\":\"libvirtd\",\"event\":\"STOPPED\"}}}");
    String nid = created.json().at("/notification/notification_uuid").asText();
    String path = "/v1/notifications/" + nid + "/action";
    assertThat(api.post(path, "{\"cancel\": null}").status()).isEqualTo(405); // not before 1.4
    Map<String, String> v14 = Map.of("OpenStack-API-Version", "instance-ha 1.4");
    HttpResult bad = api.send("POST", path, "{\"cancel\": null, \"retry\": null}", v14);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.send("POST", path, "{\"explode\": null}", v14).faultMessage())
        .isEqualTo("Additional properties are not allowed ('explode' was unexpected)");
    HttpResult retryNew = api.send("POST", path, "{\"retry\": null}", v14);
    assertThat(retryNew.status()).isEqualTo(409); // only error/failed can be retried
    HttpResult cancelled = api.send("POST", path, "{\"cancel\": null}", v14);
    assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
    assertThat(cancelled.json().at("/notification/status").asText()).isEqualTo("ignored");
    assertThat(api.send("POST", "/v1/notifications/" + java.util.UUID.randomUUID() + "/action", "{\"retry\": null}", v14)
        .status()).isEqualTo(404);
  }

  @Test
  void alertmanagerWebhookMapsFiringAlertsToNotifications() {
    String seg = api.segment(unique("am"), "auto");
    String hn = unique("amc");
    api.host(seg, hn);
    String body = "{\"version\":\"4\",\"status\":\"firing\",\"receiver\":\"masakari\",\"groupKey\":\"k\","
        + "\"alerts\":[{\"status\":\"firing\",\"labels\":{\"alertname\":\"NovaComputeDown\",\"host\":\"" + hn
        + "\"},\"annotations\":{},\"startsAt\":\"2026-11-22T00:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"},"
        + "{\"status\":\"firing\",\"labels\":{\"alertname\":\"DiskFull\",\"host\":\"" + hn + "\"},"
        + "\"annotations\":{},\"startsAt\":\"2026-11-22T00:00:00Z\",\"endsAt\":\"0001-01-01T00:00:00Z\"}]}";
    HttpResult r = api.post("/v1/webhooks/alertmanager", body);
    assertThat(r.status()).as(r.text()).isEqualTo(202);
    assertThat(r.json().path("alerts")).hasSize(2);
    assertThat(r.json().at("/alerts/0/result").asText()).isEqualTo("created");
    String nid = r.json().at("/alerts/0/notification_uuid").asText();
    assertThat(api.get("/v1/notifications/" + nid).json().at("/notification/payload/process_name").asText())
        .isEqualTo("nova-compute");
    assertThat(r.json().at("/alerts/1/result").asText()).isEqualTo("unmapped");
    assertThat(api.post("/v1/webhooks/alertmanager", "{\"version\":\"3\"}").status()).isEqualTo(400);
  }

  @Test
  void maintenanceRejectsEveryType() {
    String seg = api.segment(unique("ms"), "auto");
    String hn = unique("mc");
    api.post("/v1/segments/" + seg + "/hosts", "{\"host\":{\"name\":\"" + hn
        + "\",\"type\":\"COMPUTE\",\"control_attributes\":\"SSH\",\"on_maintenance\":true}}");
    HttpResult r = api.post("/v1/notifications", "{\"notification\":{\"type\":\"VM\",\"hostname\":\"" + hn
        + "\",\"generated_time\":\"2026-01-01T00:00:00Z\",\"payload\":{\"instance_uuid\":\""
        + java.util.UUID.randomUUID() + "\",\"vir_domain_event\":\"STOPPED_FAILED\",\"event\":\"LIFECYCLE\"}}}");
    assertThat(r.status()).isEqualTo(409);
    assertThat(r.faultMessage()).isEqualTo("Notification received from host " + hn
        + " of type 'VM' is ignored as the host is already under maintenance.");
  }

  @Test
  void pagingSortingAndMarkers() {
    String st = unique("ST");
    for (int i = 0; i < 5; i++) {
      api.post("/v1/segments", "{\"segment\":{\"name\":\"" + st + "-" + i
          + "\",\"recovery_method\":\"auto\",\"service_type\":\"" + st + "\"}}");
    }
    JsonNode page1 = api.get("/v1/segments?service_type=" + st + "&limit=2&sort_key=name&sort_dir=asc").json().path("segments");
    assertThat(page1).hasSize(2);
    assertThat(page1.get(0).path("name").asText()).isEqualTo(st + "-0");
    int marker = page1.get(1).path("id").asInt();
    JsonNode page2 = api.get("/v1/segments?service_type=" + st + "&limit=2&sort_key=name&sort_dir=asc&marker=" + marker)
        .json().path("segments");
    assertThat(page2).extracting(j -> j.path("name").asText()).containsExactly(st + "-2", st + "-3");
    JsonNode desc = api.get("/v1/segments?service_type=" + st).json().path("segments");
    assertThat(desc.get(0).path("name").asText()).isEqualTo(st + "-4"); // created_at desc, id desc
    assertThat(api.get("/v1/segments?limit=0").json().path("segments")).isEmpty();
    assertThat(api.get("/v1/segments?limit=99999999999999999999").status()).isEqualTo(200);
    assertThat(api.get("/v1/segments?limit=-1").faultMessage()).isEqualTo("Invalid input received: limit must be >= 0");
    assertThat(api.get("/v1/segments?limit=abc").faultMessage()).isEqualTo("Invalid input received: limit must be an integer");
    assertThat(api.get("/v1/segments?page_size=x").faultMessage()).isEqualTo("Invalid input received: page_size must be an integer");
    assertThat(api.get("/v1/segments?sort_key=color").faultMessage())
        .isEqualTo("InvalidSortKey('Sort key supplied is invalid: color')");
    assertThat(api.get("/v1/segments?sort_key=name&sort_dir=up").faultMessage())
        .isEqualTo("Invalid input received: Unknown sort direction, must be 'asc' or 'desc'");
    assertThat(api.get("/v1/segments?sort_dir=asc&sort_dir=desc").faultMessage())
        .isEqualTo("Invalid input received: Sort direction size exceeds sort key size");
    assertThat(api.get("/v1/segments?marker=999999").faultMessage()).isEqualTo("Marker 999999 could not be found.");
    assertThat(api.get("/v1/segments?marker=2aaaaaaa-aaaa-aaaa-aaaa-aaaaaaaaaaaa").status()).isEqualTo(400);
    assertThat(api.get("/v1/segments.json?service_type=" + st).json().path("segments")).hasSize(5);
  }

  @Test
  void badInputGetsUpstreamFaults() {
    HttpResult malformed = api.post("/v1/segments", "{\"segment\": {");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.faultMessage()).isEqualTo("Malformed request body");
    HttpResult empty = api.post("/v1/segments", "");
    assertThat(empty.faultMessage()).isEqualTo("None is not of type 'object'");
    HttpResult form = api.send("POST", "/v1/segments", "a=b", Map.of("Content-Type", "application/x-www-form-urlencoded"));
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.faultName()).isEqualTo("badMediaType");
    assertThat(form.faultMessage()).isEqualTo("Unsupported Content-Type");
    HttpResult plain = api.send("POST", "/v1/segments", "{\"segment\":{\"name\":\"" + unique("tp")
        + "\",\"recovery_method\":\"auto\",\"service_type\":\"C\"}}", Map.of("Content-Type", "text/plain"));
    assertThat(plain.status()).isEqualTo(201);
    HttpResult big = api.post("/v1/segments", "{\"segment\":{\"description\":\"" + "x".repeat(120_000) + "\"}}");
    assertThat(big.status()).isEqualTo(413);
    assertThat(big.json().path("message").asText()).startsWith("Request is too large. Larger than max_request_body_size (114688).");
    HttpResult unknown = api.post("/v1/segments", "{\"segment\":{\"name\":\"a\",\"recovery_method\":\"auto\","
        + "\"service_type\":\"C\",\"color\":\"red\"}}");
    assertThat(unknown.faultMessage()).isEqualTo("Invalid input for field/attribute segment. Value: {'name': 'a', "
        + "'recovery_method': 'auto', 'service_type': 'C', 'color': 'red'}. Additional properties are not allowed ('color' was unexpected)");
    assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":123,\"recovery_method\":\"auto\",\"service_type\":\"C\"}}")
        .faultMessage()).isEqualTo("Invalid input for field/attribute name. Value: 123. 123 is not of type 'string'");
    assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\" a\",\"recovery_method\":\"auto\",\"service_type\":\"C\"}}")
        .faultMessage()).isEqualTo("An invalid 'name' value was provided. The name must be: printable characters. "
        + "Can not start or end with whitespace.");
    assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\"a\",\"recovery_method\":\"manual\",\"service_type\":\"C\"}}")
        .faultMessage()).isEqualTo("Invalid input for field/attribute recovery_method. Value: manual. "
        + "'manual' is not one of ['auto', 'reserved_host', 'auto_priority', 'rh_priority']");
    assertThat(api.post("/v1/segments", "{\"segment\":{\"name\":\"a\",\"recovery_method\":\"auto\",\"service_type\":\"C\","
        + "\"enabled\":false}}").faultMessage()).endsWith("Additional properties are not allowed ('enabled' was unexpected)");
    assertThat(api.put("/v1/segments/" + java.util.UUID.randomUUID(), "{\"segment\":{}}").faultMessage())
        .isEqualTo("Invalid input for field/attribute segment. Value: {}. {} is not valid under any of the given schemas");
    assertThat(api.get("/v1/segments/not-a-uuid").faultMessage()).isEqualTo("No failover segment with id not-a-uuid.");
    assertThat(api.post("/v1/notifications", "{\"notification\":{\"type\":\"NETWORK\",\"hostname\":\"h\","
        + "\"generated_time\":\"2026-01-01T00:00:00\",\"payload\":{}}}").faultMessage())
        .isEqualTo("Invalid input for field/attribute type. Value: NETWORK. 'NETWORK' is not one of ('COMPUTE_HOST', 'VM', 'PROCESS')");
    assertThat(api.post("/v1/notifications", "{\"notification\":{\"type\":\"VM\",\"hostname\":\"h\","
        + "\"generated_time\":\"2026-01-01T00:00:00\",\"payload\":{\"instance_uuid\":\"nope\",\"vir_domain_event\":\"x\","
        + "\"event\":\"y\"}}}").faultMessage())
        .isEqualTo("Invalid input for field/attribute instance_uuid. Value: nope. 'nope' is not a 'uuid'");
    HttpResult latin1 = api.send("POST", "/v1/segments", null, Map.of());
    assertThat(latin1.status()).isEqualTo(400);
    assertThat(api.send("PATCH", "/v1/segments/x", "{}", Map.of()).json().path("code").asText()).isEqualTo("404 Not Found");
    assertThat(api.get("/v1/segments/").status()).isEqualTo(404);
    assertThat(api.post("/v1/segments/" + java.util.UUID.randomUUID() + "/action", "{}").faultMessage())
        .isEqualTo("The request method: 'POST' with action: 'action' is not allowed on this resource");
  }

  @Test
  void projectScopedRoutes() {
    HttpResult ok = api.get("/v1/abc123/segments", Map.of("X-Project-Id", "abc123"));
    assertThat(ok.status()).isEqualTo(200);
    HttpResult mismatch = api.get("/v1/abc123/segments", Map.of("X-Project-Id", "def456"));
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.faultMessage()).isEqualTo(
        "Malformed request URL: URL's project_id 'abc123' doesn't match Context's project_id 'def456'");
    assertThat(api.get("/v1/abc123/segments").faultMessage()).endsWith("Context's project_id 'None'");
    assertThat(api.get("/v1/not_hex/segments").status()).isEqualTo(404);
    assertThat(api.get("/v1/abc123", Map.of("X-Project-Id", "abc123")).status()).isEqualTo(404);
  }

  @Test
  void extensions() {
    JsonNode list = api.get("/v1/extensions").json().path("extensions");
    assertThat(list).extracting(j -> j.path("alias").asText())
        .containsExactly("extensions", "notifications", "os-hosts", "segments", "versions", "vmoves");
    assertThat(api.get("/v1/extensions/nope").faultMessage()).isEqualTo("The resource could not be found.");
  }
}
